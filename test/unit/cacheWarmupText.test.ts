import { describe, expect, it } from 'vitest';
import { describeCacheWarmup } from '../../main/db/localNeo4j';

// `caselink db status` prints counts as the rest of the CLI does, with thousands separators
// (it printed "300 of 1000" and "Asked first: 1000 of the workspace's questions").
describe('caselink db status: the warm-up in words', () => {
  it('prints the questions asked with thousands separators', () => {
    const asking = describeCacheWarmup({
      state: 'warming',
      phase: 'questions',
      questions: 300,
      questionsPlanned: 1000,
    });
    expect(asking).toContain(', 300 of 1,000;');
    const warm = describeCacheWarmup({
      state: 'done',
      bytes: 17 * 1024 * 1024,
      seconds: 51.7,
      questions: 1000,
      questionsFailed: 1200,
      questionSeconds: 51.5,
      statements: 'search/names,workspace/expand',
    });
    expect(warm).toBe(
      "Page cache: warm (17 MiB of store and indexes read in 51.7 s). Asked first: 1,000 of the workspace's questions (2 statements, 1,200 of them failed) in 51.5 s.",
    );
  });
});
