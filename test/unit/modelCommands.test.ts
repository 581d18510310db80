import { describe, expect, it } from 'vitest';
import { describeModel } from '../../main/cli/modelCommands';

describe('caselink model show', () => {
  it('prints each level with m, u and its weight, and says which values an analyst fixed', () => {
    const lines = describeModel({
      estimatedAt: '2026-11-29T22:00:00Z',
      prior: 0.00015,
      trainedOn: { mentions: 3682, randomPairs: 200000, blockedPairs: 12400, emSessions: ['name (9120 pairs)'] },
      levels: [
        {
          comparison: 'dob',
          level: 'exact',
          label: 'the same date of birth',
          m: 0.95,
          u: 0.000066,
          weight: 13.8,
          fixedM: false,
          fixedU: false,
        },
        {
          comparison: 'dob',
          level: 'near',
          label: 'dates of birth one digit or one day apart',
          m: 0.2,
          u: 0.001,
          weight: 7.6,
          fixedM: true,
          fixedU: false,
        },
      ],
    });
    expect(lines).toEqual([
      'Estimated 2026-11-29T22:00:00Z on 3,682 person mentions: u from 200,000 random pairs, m by EM over 12,400 blocked pairs (name (9120 pairs)).',
      'Prior: 1.50e-4 (two mentions drawn at random are one person).',
      '',
      'comparison   level                     m         u  weight',
      'dob          exact                0.9500   6.60e-5    13.8  the same date of birth',
      'dob          near                 0.2000    0.0010     7.6  dates of birth one digit or one day apart (fixed: m)',
      '',
      'weight = log2(m/u): +1 doubles the odds that two mentions are one person, -1 halves them.',
    ]);
  });

  it('says when no model has been estimated yet', () => {
    expect(describeModel({ estimatedAt: null, prior: null, trainedOn: null, levels: [] })[0]).toBe(
      'No model estimated yet: run "caselink resolve".',
    );
  });
});
