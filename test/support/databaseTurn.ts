/**
 * Setup file of the projects whose test files use the shared test database: each file takes its
 * turn (test/support/databaseTurns.ts) before its own hooks run and gives it back after its own
 * last hook, so two of them never use the graph at once even when the project runs two files at a
 * time. Registered first, this file's beforeAll runs before the test file's, and its afterAll
 * after the test file's (Vitest runs afterAll hooks in the reverse of their order).
 */
import { afterAll, beforeAll } from 'vitest';
import { takeDatabaseTurn } from './testNeo4j';

let turn: { end(): Promise<void> } | undefined;

// No timeout: the wait is for the file before this one, however long a busy machine makes it.
beforeAll(async () => {
  turn = await takeDatabaseTurn();
}, 0);

afterAll(async () => {
  await turn?.end();
});
