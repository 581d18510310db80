import { useId, useRef, useState } from 'react';
import type { Profile } from '../../../../main/contract/api';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ProfileEdit } from './profileEdits';
import { joinKeyChoices, joinKeyOf, unmappedHeaders } from './profileEdits';
import { readAsText } from './readFile';
import {
  DATE_ORDERS,
  ENTITY_KINDS,
  fieldLabel,
  GRADING_CODES,
  IDENTIFIER_FIELDS,
  PARTY_FIELDS,
  RECORD_FIELDS,
  ROLES,
  type DateOrder,
  type EntityKind,
  type Field,
  type GradingPart,
  type GradingSystem,
  type Role,
} from './vocabulary';

const ORIGIN_LABELS = {
  saved: 'Saved profile for this agency',
  proposed: 'Proposed from the file’s headers',
  file: 'Opened from a profile file',
} as const;

const GRADING_PARTS: { part: GradingPart; label: string }[] = [
  { part: 'source', label: 'Source evaluation' },
  { part: 'information', label: 'Information assessment' },
  { part: 'handling', label: 'Handling code' },
];

/** Step 2: how the file's columns become records, persons, organisations and identifiers. */
export function MappingStep() {
  const profile = useAppStore((state) => state.importProfile);
  const mapping = useAppStore((state) => state.importMapping);
  const loading = useAppStore((state) => state.mappingLoading);
  const error = useAppStore((state) => state.mappingError);
  const previews = useAppStore((state) => state.previews);
  const edit = useAppStore((state) => state.editImportProfile);
  const propose = useAppStore((state) => state.proposeImportMapping);
  const openProfile = useAppStore((state) => state.openImportProfile);
  const profileInput = useRef<HTMLInputElement>(null);

  const onProfileFile = async (file: File | undefined) => {
    if (file) openProfile(file.name, await readAsText(file));
  };

  // Headers the preview found that no column reads; before any preview, what the proposal left.
  const header = previews?.[0]?.header;
  const unmapped = profile ? unmappedHeaders(profile, header ?? mapping?.unmapped ?? []) : [];

  return (
    <div className="import-step">
      <div className="step-toolbar">
        {mapping && (
          <span className={`badge badge-${mapping.origin}`} data-testid="mapping-origin">
            {ORIGIN_LABELS[mapping.origin]}
            {mapping.fileName && `: ${mapping.fileName}`}
          </span>
        )}
        {profile && <span className="step-title">{profile.name}</span>}
        <span className="spacer" />
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => void propose()}
          disabled={loading}
        >
          {loading ? 'Proposing…' : 'Start over from saved or proposed'}
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => profileInput.current?.click()}>
          Open profile…
        </button>
        <input
          ref={profileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Open a mapping profile file"
          data-testid="profile-file-input"
          onChange={(event) => {
            void onProfileFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {error && <ErrorNotice error={error} testId="mapping-error" />}
      {mapping?.otherAgency && (
        <p className="inline-warning">
          This profile was written for {mapping.otherAgency}; it will be saved and used for {profile?.agency}.
        </p>
      )}
      {!profile && !error && (
        <p className="panel-note">{loading ? 'Reading the file’s headers…' : 'No mapping yet.'}</p>
      )}
      {profile && (
        <>
          <ProfileSettings profile={profile} edit={edit} />
          <EntitiesTable profile={profile} headers={header ?? mapping?.unmapped ?? []} edit={edit} />
          <ColumnsTable profile={profile} reasons={mapping?.reasons ?? {}} edit={edit} />
          {unmapped.length > 0 && (
            <section className="import-section" aria-labelledby="unmapped-heading">
              <h3 id="unmapped-heading">Unmapped headers ({unmapped.length})</h3>
              <ul className="chip-list" data-testid="unmapped-headers">
                {unmapped.map((h) => (
                  <li key={h} className="chip">
                    {h}
                    <button
                      type="button"
                      className="button-small button-secondary"
                      aria-label={`Map column ${h}`}
                      onClick={() => edit({ type: 'addColumn', column: h })}
                    >
                      Map
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

type Edit = (edit: ProfileEdit) => void;

function ProfileSettings({ profile, edit }: { profile: Profile; edit: Edit }) {
  const id = useId();
  const codes = GRADING_CODES[profile.grading.system];
  const [country, setCountry] = useState(profile.country);
  // The draft follows the profile when another profile replaces it.
  const [shownFor, setShownFor] = useState(profile.country);
  if (shownFor !== profile.country) {
    setShownFor(profile.country);
    setCountry(profile.country);
  }

  return (
    <section className="import-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Defaults and grading</h3>
      <div className="settings-grid">
        <label htmlFor={`${id}-country`}>Default country</label>
        <input
          id={`${id}-country`}
          className="input-code"
          value={country}
          maxLength={2}
          pattern="[A-Za-z]{2}"
          title="ISO 3166 alpha-2 code, e.g. GB"
          onChange={(event) => {
            const value = event.target.value.toUpperCase();
            setCountry(value);
            if (/^[A-Z]{2}$/.test(value)) edit({ type: 'setCountry', country: value });
          }}
        />
        <label htmlFor={`${id}-dates`}>Date order</label>
        <select
          id={`${id}-dates`}
          value={profile.dateOrder}
          onChange={(event) => edit({ type: 'setDateOrder', dateOrder: event.target.value as DateOrder })}
        >
          {DATE_ORDERS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.value} — {d.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-system`}>Grading</label>
        <select
          id={`${id}-system`}
          value={profile.grading.system}
          onChange={(event) => edit({ type: 'setGradingSystem', system: event.target.value as GradingSystem })}
        >
          <option value="3x5x2">3x5x2</option>
          <option value="5x5x5">5x5x5</option>
        </select>
        {GRADING_PARTS.map(({ part, label }) => (
          <GradingSelect
            key={part}
            id={`${id}-${part}`}
            label={label}
            value={profile.grading[part]}
            options={codes[part]}
            onChange={(code) => edit({ type: 'setGradingCode', part, code })}
          />
        ))}
        <label htmlFor={`${id}-conditions`}>Handling conditions</label>
        <input
          id={`${id}-conditions`}
          className="input-wide"
          value={profile.grading.conditions ?? ''}
          placeholder="None"
          onChange={(event) => edit({ type: 'setGradingConditions', conditions: event.target.value })}
        />
      </div>
    </section>
  );
}

function GradingSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { code: string; label: string }[];
  onChange(code: string): void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {!options.some((o) => o.code === value) && <option value={value}>{value} — not allowed</option>}
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * The persons and organisations of each row; a person's join key (the agency's own person id,
 * which joins its mentions on every sheet and in every file) is shown and chosen here.
 */
export function EntitiesTable({ profile, headers, edit }: { profile: Profile; headers: string[]; edit: Edit }) {
  const id = useId();
  const choices = joinKeyChoices(profile, headers);
  const [kind, setKind] = useState<EntityKind>('person');
  const [role, setRole] = useState<Role>('suspect');
  const entities = Object.entries(profile.entities);
  return (
    <section className="import-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Entities in each row</h3>
      <div className="entity-list">
        <span className="chip chip-static">record (the row itself)</span>
        {entities.map(([name, entity]) => (
          <span key={name} className="entity-with-key">
            <span className="chip" data-testid="mapping-entity">
              <strong>{name}</strong> {entity.kind} · {entity.role}
              <button
                type="button"
                className="button-icon"
                aria-label={`Remove entity ${name}`}
                title="Remove entity"
                onClick={() => edit({ type: 'removeEntity', name })}
              >
                ×
              </button>
            </span>
            {entity.kind === 'person' && (
              <JoinKeySelect name={name} current={joinKeyOf(entity)} choices={choices} edit={edit} />
            )}
          </span>
        ))}
        <span className="add-entity">
          <select
            aria-label="Kind of the new entity"
            value={kind}
            onChange={(e) => setKind(e.target.value as EntityKind)}
          >
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <select aria-label="Role of the new entity" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => edit({ type: 'addEntity', kind, role })}
          >
            Add entity
          </button>
        </span>
      </div>
    </section>
  );
}

// Several headers of one join key travel in one option value, split on a character no header holds.
const KEY_SEPARATOR = '\u0000';

function JoinKeySelect({
  name,
  current,
  choices,
  edit,
}: {
  name: string;
  current: string[];
  choices: string[];
  edit: Edit;
}) {
  const value = current.join(KEY_SEPARATOR);
  const several = current.length > 1;
  return (
    <label className="join-key">
      join key
      <select
        aria-label={`Join key of ${name}`}
        title="The agency's own person id: mentions with the same id, on any sheet and in any file of the agency, are one person"
        data-testid="join-key"
        value={value}
        onChange={(event) =>
          edit({
            type: 'setJoinKey',
            name,
            columns: event.target.value === '' ? [] : event.target.value.split(KEY_SEPARATOR),
          })
        }
      >
        <option value="">none</option>
        {several && <option value={value}>{current.join(' or ')}</option>}
        {!several && current[0] !== undefined && !choices.includes(current[0]) && (
          <option value={current[0]}>{current[0]} (not in the file)</option>
        )}
        {choices.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );
}

function ColumnsTable({ profile, reasons, edit }: { profile: Profile; reasons: Record<string, string>; edit: Edit }) {
  const entityNames = ['record', ...Object.keys(profile.entities)];
  const explained = Object.keys(reasons).length > 0;
  return (
    <section className="import-section" aria-labelledby="columns-heading">
      <h3 id="columns-heading">Columns ({profile.columns.length})</h3>
      <table className="data-table mapping-table" aria-labelledby="columns-heading">
        <thead>
          <tr>
            <th scope="col">Source column</th>
            <th scope="col">Entity</th>
            <th scope="col">Field</th>
            {explained && <th scope="col">Why proposed</th>}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profile.columns.map((column, index) => (
            <tr key={`${column.column}-${index}`} data-testid="mapping-column">
              <th scope="row" className="source-column">
                {column.sheet ? `${column.sheet}: ` : ''}
                {column.column}
                {column.documentType ? ` (${column.documentType})` : ''}
              </th>
              <td>
                <select
                  aria-label={`Entity for column ${column.column}`}
                  value={column.entity}
                  onChange={(event) => edit({ type: 'setColumnEntity', index, entity: event.target.value })}
                >
                  {!entityNames.includes(column.entity) && (
                    <option value={column.entity}>{column.entity} (undeclared)</option>
                  )}
                  {entityNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <FieldSelect
                  label={`Field for column ${column.column}`}
                  entity={column.entity}
                  value={column.field}
                  onChange={(field) => edit({ type: 'setColumnField', index, field })}
                />
              </td>
              {explained && <td className="reason">{reasons[column.column] ?? ''}</td>}
              <td className="actions">
                <button
                  type="button"
                  className="button-icon"
                  aria-label={`Remove mapping of column ${column.column}`}
                  title="Remove mapping"
                  onClick={() => edit({ type: 'removeColumn', index })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FieldSelect({
  label,
  entity,
  value,
  onChange,
}: {
  label: string;
  entity: string;
  value: Field;
  onChange(field: Field): void;
}) {
  const groups: [string, Field[]][] =
    entity === 'record'
      ? [
          ['Record', RECORD_FIELDS],
          ['Identifiers', IDENTIFIER_FIELDS],
        ]
      : [
          ['Names and details', PARTY_FIELDS],
          ['Identifiers', IDENTIFIER_FIELDS],
        ];
  const known = groups.some(([, fields]) => fields.includes(value));
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as Field)}>
      {!known && <option value={value}>{fieldLabel(value)} (not allowed here)</option>}
      {groups.map(([group, fields]) => (
        <optgroup key={group} label={group}>
          {fields.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(f)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
