/**
 * The match model as the app shows it: `caselink model show`'s view with each comparison and
 * each weight also in words, worked out here so that the renderer needs nothing from main/core.
 */
import { COMPARISONS, factorInWords } from '../core/matchModel';
import type { MatchModelDto } from '../contract/modelTypes';
import type { Database } from '../db/database';
import { showModel } from './modelService';

const COMPARISON_LABELS = new Map(COMPARISONS.map((c) => [c.key, c.label]));

/** The saved model, level by level, with m/u in words. */
export async function matchModelView(db: Database): Promise<MatchModelDto> {
  const model = await showModel(db);
  return {
    ...model,
    levels: model.levels.map((l) => ({
      ...l,
      comparisonLabel: COMPARISON_LABELS.get(l.comparison) ?? l.comparison,
      inWords: l.m !== null && l.u !== null && l.u > 0 ? factorInWords(l.m / l.u) : null,
    })),
  };
}
