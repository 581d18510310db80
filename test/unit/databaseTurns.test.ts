import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startTurnServer, takeTurn, type TurnServer } from '../support/databaseTurns';

// The turns that keep two integration test files from using the shared test database at once.
describe('turns at the shared test database', () => {
  let server: TurnServer | undefined;
  afterEach(() => server?.close());

  /** A server, and a promise for each time the number of waiting callers reaches `count`. */
  const serve = async () => {
    const reached = new Map<number, () => void>();
    server = await startTurnServer((waiting) => reached.get(waiting)?.());
    const waitingReaches = (count: number) => new Promise<void>((resolve) => reached.set(count, resolve));
    return { port: server.port, waitingReaches };
  };

  it('gives the next caller its turn only when the one before ends its turn, in the order asked', async () => {
    const { port, waitingReaches } = await serve();
    const events: string[] = [];
    const first = await takeTurn(port);
    const two = waitingReaches(2);
    const second = takeTurn(port).then((turn) => (events.push('second'), turn));
    await waitingReaches(1);
    const third = takeTurn(port).then((turn) => (events.push('third'), turn));
    await two;
    expect(events).toEqual([]);

    events.push('first ends');
    await first.end();
    await (await second).end();
    await (await third).end();
    expect(events).toEqual(['first ends', 'second', 'third']);
  });

  it('passes the turn on when the process holding it dies', async () => {
    const { port, waitingReaches } = await serve();
    const first = await takeTurn(port);
    // Waits for the turn after `first`, then dies as a killed worker does, without ending it.
    const childWaits = waitingReaches(1);
    const holder = spawn(process.execPath, [
      '-e',
      `require('node:net').connect(${port}, '127.0.0.1').on('data', () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    const died = once(holder, 'exit');
    await childWaits;
    const bothWait = waitingReaches(2);
    const next = takeTurn(port);
    await bothWait;

    await first.end();
    expect(await died).toEqual([null, 'SIGKILL']);
    await (await next).end();
  });
});
