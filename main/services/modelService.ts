/**
 * The same-person match model kept in the graph: what the last resolution estimated, and the
 * values an analyst fixed (kept across resolutions, recorded in the audit trail).
 */
import { checkFixedValue, COMPARISONS, type FixedValues, type MatchModelParameters } from '../core/matchModel';
import { CaselinkFailure } from '../contract/errors';
import type { Database } from '../db/database';
import { audited } from './auditService';

/** One level of one comparison as `model show` prints it. */
export interface ModelLevelView {
  comparison: string;
  level: string;
  label: string;
  m: number | null;
  u: number | null;
  /** log2(m/u): positive for the same person, negative against. */
  weight: number | null;
  fixedM: boolean;
  fixedU: boolean;
}

export interface ModelView {
  /** When the model was last estimated; null before the first resolution. */
  estimatedAt: string | null;
  prior: number | null;
  trainedOn: MatchModelParameters['trainedOn'] | null;
  levels: ModelLevelView[];
}

function parseFixed(json: unknown): FixedValues {
  if (typeof json !== 'string' || json === '') return {};
  const value = JSON.parse(json) as unknown;
  return value && typeof value === 'object' ? (value as FixedValues) : {};
}

/** The values an analyst fixed ({} when none). */
export async function loadFixedValues(db: Database): Promise<FixedValues> {
  const [row] = await db.read('model/match-model');
  return row ? parseFixed(row.get('fixedJson')) : {};
}

/** Saves what a resolution estimated. */
export async function saveModel(db: Database, model: MatchModelParameters, now: string): Promise<void> {
  await db.write('model/save-match-model', { json: JSON.stringify(model), now });
}

/** The model as saved, level by level (the fixed values are shown even before a resolution). */
export async function showModel(db: Database): Promise<ModelView> {
  const [row] = await db.read('model/match-model');
  const json = row?.get('json');
  const model = typeof json === 'string' && json ? (JSON.parse(json) as MatchModelParameters) : null;
  const fixed = row ? parseFixed(row.get('fixedJson')) : {};
  const estimatedAt = row?.get('estimatedAt');
  return {
    estimatedAt: estimatedAt ? String(estimatedAt) : null,
    prior: model?.prior ?? null,
    trainedOn: model?.trainedOn ?? null,
    levels: COMPARISONS.flatMap((c) =>
      c.levels.map((l) => {
        const saved = model?.comparisons[c.key]?.[l.key];
        const f = fixed[c.key]?.[l.key];
        const m = f?.m ?? saved?.m ?? null;
        const u = f?.u ?? saved?.u ?? null;
        return {
          comparison: c.key,
          level: l.key,
          label: l.label,
          m,
          u,
          weight: m !== null && u !== null ? Math.log2(m / u) : null,
          fixedM: f?.m !== undefined,
          fixedU: f?.u !== undefined,
        };
      }),
    ),
  };
}

/**
 * Fixes m and/or u of one level (null clears what was fixed); it holds from the next resolution
 * on. Recorded in the audit trail.
 */
export async function setModelValue(
  db: Database,
  comparison: string,
  level: string,
  value: { m?: number | null; u?: number | null },
): Promise<FixedValues> {
  const given = Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined && x !== null)) as {
    m?: number;
    u?: number;
  };
  const clearing = value.m === null || value.u === null;
  const problem =
    clearing && !given.m && !given.u ? checkLevel(comparison, level) : checkFixedValue(comparison, level, given);
  if (problem) throw new CaselinkFailure({ kind: 'InvalidInput', message: problem });
  return audited(
    db,
    {
      kind: 'model-change',
      action: `model set ${comparison} ${level}`,
      details: { comparison, level, m: value.m ?? null, u: value.u ?? null },
    },
    async () => {
      const fixed = await loadFixedValues(db);
      const levels = { ...(fixed[comparison] ?? {}) };
      const next = { ...(levels[level] ?? {}) };
      for (const which of ['m', 'u'] as const) {
        const x = value[which];
        if (x === null) delete next[which];
        else if (x !== undefined) next[which] = x;
      }
      if (Object.keys(next).length) levels[level] = next;
      else delete levels[level];
      const updated: FixedValues = { ...fixed, [comparison]: levels };
      if (!Object.keys(levels).length) delete updated[comparison];
      await db.write('model/set-fixed-values', { fixedJson: JSON.stringify(updated) });
      return updated;
    },
  );
}

function checkLevel(comparison: string, level: string): string | null {
  return checkFixedValue(comparison, level, { m: 0.5 });
}
