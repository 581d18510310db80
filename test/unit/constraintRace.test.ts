import { describe, expect, it } from 'vitest';
import { CONSTRAINT_RACE_ATTEMPTS, retryConstraintRace } from '../../main/db/database';

const violation = () =>
  Object.assign(new Error('Node(86) already exists with label `Record` and property `id` = ...'), {
    code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
  });

// The transaction-level retry of main/db: what is run again, and for how long.
describe('a write that loses a uniqueness race', () => {
  it('runs again until it no longer collides, and answers what the last attempt answered', async () => {
    let attempts = 0;
    const answer = await retryConstraintRace(
      async () => {
        attempts += 1;
        if (attempts < 3) throw violation();
        return `attempt ${attempts}`;
      },
      CONSTRAINT_RACE_ATTEMPTS,
      () => 0,
    );
    expect([answer, attempts]).toEqual(['attempt 3', 3]);
  });

  it('reports a violation that persists: a real duplicate, not a race', async () => {
    let attempts = 0;
    const failure = await retryConstraintRace(
      async () => {
        attempts += 1;
        throw violation();
      },
      3,
      () => 0,
    ).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    expect(attempts).toBe(3);
  });

  it('leaves every other error to the caller at once', async () => {
    let attempts = 0;
    const failure = await retryConstraintRace(async () => {
      attempts += 1;
      throw Object.assign(new Error('syntax'), { code: 'Neo.ClientError.Statement.SyntaxError' });
    }).catch((e: unknown) => e);
    expect([(failure as Error).message, attempts]).toEqual(['syntax', 1]);
  });
});
