import type { Profile } from '../../../../main/contract/api';
import {
  fieldsFor,
  GRADING_CODES,
  IDENTIFIER_FIELDS,
  type DateOrder,
  type EntityKind,
  type Field,
  type GradingPart,
  type GradingSystem,
  type Role,
} from './vocabulary';

/**
 * One change an analyst makes to a mapping profile. Each is applied by {@link editProfile}, a
 * pure function, so the editor's behaviour is tested without a browser.
 */
export type ProfileEdit =
  | { type: 'removeColumn'; index: number }
  | { type: 'addColumn'; column: string }
  | { type: 'setColumnEntity'; index: number; entity: string }
  | { type: 'setColumnField'; index: number; field: Field }
  | { type: 'addEntity'; kind: EntityKind; role: Role }
  | { type: 'removeEntity'; name: string }
  | { type: 'setJoinKey'; name: string; columns: string[] }
  | { type: 'setCountry'; country: string }
  | { type: 'setDateOrder'; dateOrder: DateOrder }
  | { type: 'setGradingSystem'; system: GradingSystem }
  | { type: 'setGradingCode'; part: GradingPart; code: string }
  | { type: 'setGradingConditions'; conditions: string };

/** The profile after one edit; the profile given is left as it was. */
export function editProfile(profile: Profile, edit: ProfileEdit): Profile {
  switch (edit.type) {
    case 'removeColumn':
      return { ...profile, columns: profile.columns.filter((_, i) => i !== edit.index) };
    case 'addColumn':
      if (profile.columns.some((c) => fold(c.column) === fold(edit.column))) return profile;
      return {
        ...profile,
        columns: [...profile.columns, { column: edit.column, entity: 'record', field: 'freeText' }],
      };
    case 'setColumnEntity':
      return {
        ...profile,
        columns: profile.columns.map((c, i) => {
          if (i !== edit.index) return c;
          const allowed = fieldsFor(edit.entity);
          // A field the new entity cannot have falls back to its first name field or an identifier.
          const field = allowed.includes(c.field) ? c.field : (allowed[0] as Field);
          return { ...c, entity: edit.entity, field };
        }),
      };
    case 'setColumnField':
      return {
        ...profile,
        columns: profile.columns.map((c, i) => (i === edit.index ? { ...c, field: edit.field } : c)),
      };
    case 'addEntity': {
      const name = freeEntityName(profile, edit.role);
      return { ...profile, entities: { ...profile.entities, [name]: { kind: edit.kind, role: edit.role } } };
    }
    case 'removeEntity': {
      const entities = { ...profile.entities };
      delete entities[edit.name];
      // Columns that fed the removed entity keep their identifiers on the record; the rest go.
      const columns = profile.columns.flatMap((c) => {
        if (c.entity !== edit.name) return [c];
        return IDENTIFIER_FIELDS.includes(c.field) ? [{ ...c, entity: 'record' }] : [];
      });
      return { ...profile, entities, columns };
    }
    case 'setJoinKey': {
      const entity = profile.entities[edit.name];
      // Same-person pairs join persons only: an organisation's id would join nothing.
      if (!Object.hasOwn(profile.entities, edit.name) || entity?.kind !== 'person') return profile;
      const { joinKey: _dropped, ...rest } = entity;
      const columns = [...new Set(edit.columns.map((c) => c.trim()).filter((c) => c !== ''))].slice(0, 8);
      const joinKey = columns.length === 0 ? undefined : columns.length === 1 ? columns[0] : columns;
      return { ...profile, entities: { ...profile.entities, [edit.name]: joinKey ? { ...rest, joinKey } : rest } };
    }
    case 'setCountry':
      return { ...profile, country: edit.country.toUpperCase() };
    case 'setDateOrder':
      return { ...profile, dateOrder: edit.dateOrder };
    case 'setGradingSystem': {
      if (edit.system === profile.grading.system) return profile;
      const codes = GRADING_CODES[edit.system];
      const keep = (part: GradingPart, fallback: string) =>
        codes[part].some((c) => c.code === profile.grading[part]) ? profile.grading[part] : fallback;
      return {
        ...profile,
        grading: {
          ...profile.grading,
          system: edit.system,
          source: keep('source', codes.source[1]?.code ?? ''),
          information: keep('information', codes.information[1]?.code ?? ''),
          handling: keep('handling', codes.handling[0]?.code ?? ''),
        },
      };
    }
    case 'setGradingCode':
      return { ...profile, grading: { ...profile.grading, [edit.part]: edit.code } };
    case 'setGradingConditions': {
      const { conditions: _dropped, ...grading } = profile.grading;
      return { ...profile, grading: edit.conditions.trim() ? { ...grading, conditions: edit.conditions } : grading };
    }
  }
}

/** The role as an entity name, numbered when taken: `victim`, `victim-2`… */
function freeEntityName(profile: Profile, role: Role): string {
  if (!(role in profile.entities)) return role;
  for (let n = 2; ; n += 1) {
    const name = `${role}-${n}`;
    if (!(name in profile.entities)) return name;
  }
}

function fold(header: string): string {
  return header.trim().toLocaleLowerCase();
}

/** An entity's join-key headers as a list: none, one, or several when sheets name the id differently. */
export function joinKeyOf(entity: Profile['entities'][string]): string[] {
  const key = entity.joinKey;
  return key === undefined ? [] : typeof key === 'string' ? [key] : key;
}

/** Headers a join key may name: the file's headers and the profile's columns, each once, in order. */
export function joinKeyChoices(profile: Profile, headers: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of [...headers, ...profile.columns.map((c) => c.column)]) {
    if (h.trim() === '' || seen.has(fold(h))) continue;
    seen.add(fold(h));
    out.push(h);
  }
  return out;
}

/** Headers of the file that no column of the profile reads. */
export function unmappedHeaders(profile: Profile, headers: string[]): string[] {
  const mapped = new Set(profile.columns.map((c) => fold(c.column)));
  return headers.filter((h) => h.trim() !== '' && !mapped.has(fold(h)));
}

/**
 * Reads a profile shared as a JSON file, checking its shape enough to edit it; the services check
 * it in full when it is previewed or imported. Answers the profile, or why the file is not one.
 */
export function readProfileJson(
  text: string,
  agency: string,
): { ok: true; profile: Profile; otherAgency: string | null } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'The file does not hold a mapping profile.' };
  }
  const p = json as Partial<Profile>;
  if (p.version !== 1) return { ok: false, reason: 'The file is not a version 1 mapping profile.' };
  if (!Array.isArray(p.columns) || p.columns.length === 0) return { ok: false, reason: 'The profile maps no columns.' };
  if (typeof p.grading !== 'object' || p.grading === null || typeof p.country !== 'string') {
    return { ok: false, reason: 'The profile has no country or grading.' };
  }
  const profile = {
    ...p,
    entities: p.entities ?? {},
    dateOrder: p.dateOrder ?? 'DMY',
    encoding: p.encoding ?? 'auto',
    delimiter: p.delimiter ?? 'auto',
  } as Profile;
  // Imports are tagged with the agency chosen in step 1; the loaded profile is re-pointed at it.
  const otherAgency = typeof p.agency === 'string' && p.agency !== agency ? p.agency : null;
  return { ok: true, profile: { ...profile, agency }, otherAgency };
}
