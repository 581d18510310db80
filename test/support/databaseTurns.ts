/**
 * Turns at the shared test database. The integration project runs two test files at a time so
 * that a file with a Neo4j of its own (started, killed, restarted: tens of seconds) runs beside
 * the others; the files that use the shared database must still never run two at a time, since
 * each empties and fills the one graph. The global setup serves the turns on a loopback port and
 * each such file takes one (test/support/databaseTurn.ts) before its first hook and gives it back
 * after its last.
 *
 * A turn is an open connection: the server writes one byte when it is this file's turn, and the
 * turn ends when the connection closes, so a worker that dies gives its turn back too. Nothing
 * polls and nothing times out: a file waits exactly as long as the one before it runs.
 */
import { connect, createServer, type Socket } from 'node:net';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The loopback port the global setup serves turns at the shared test database on. */
    databaseTurns: number;
  }
}

/** What the server writes to the connection whose turn it is. */
const GO = 'g';

export interface TurnServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves turns, one at a time, in the order they are asked for. `onWaiting` hears how many wait
 * each time one more starts waiting (for the tests of this server).
 */
export async function startTurnServer(onWaiting?: (waiting: number) => void): Promise<TurnServer> {
  const waiting: Socket[] = [];
  let holder: Socket | null = null;
  const next = () => {
    while (!holder && waiting.length > 0) {
      const socket = waiting.shift() as Socket;
      if (socket.destroyed) continue;
      holder = socket;
      socket.write(GO);
    }
  };
  const server = createServer((socket) => {
    // A worker killed mid-turn resets its connection: that only ends its turn.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (holder === socket) holder = null;
      const at = waiting.indexOf(socket);
      if (at >= 0) waiting.splice(at, 1);
      next();
    });
    waiting.push(socket);
    next();
    if (holder !== socket) onWaiting?.(waiting.length);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The turn server has no TCP port.');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        holder?.destroy();
        for (const socket of waiting) socket.destroy();
      }),
  };
}

/** Waits for this caller's turn; the turn lasts until `end` is called (or the process exits). */
export function takeTurn(port: number): Promise<{ end(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const refused = (error: Error) => reject(new Error(`No turn at the shared test database: ${error.message}`));
    socket.once('error', refused);
    socket.once('close', () => refused(new Error('the turn server closed the connection')));
    socket.once('data', () => {
      socket.off('error', refused);
      socket.removeAllListeners('close');
      socket.on('error', () => undefined);
      resolve({
        end: () =>
          new Promise<void>((done) => {
            socket.once('close', () => done());
            socket.end();
          }),
      });
    });
  });
}
