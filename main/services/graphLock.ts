/**
 * A named lock kept in the graph, so that it holds across processes and machines (two analysts
 * on a task force's shared server): `(:CaselinkLock {name})`, claimed with the run's id, the OS
 * user, the host and the server's time. The holder renews its claim while it works; a run that
 * crashed stops renewing, and its claim expires so that the next run can take over.
 */
import { hostname, userInfo } from 'node:os';
import type { Database } from '../db/database';

/** How long a claim lasts without renewal: how long a crashed run keeps others waiting. */
export const LOCK_TTL_MS = 60_000;

/** Who holds a lock, as the claim recorded it (times are ISO strings of the server's clock). */
export interface LockHolder {
  owner: string;
  user: string;
  host: string;
  pid: number;
  acquiredAt: string;
}

/** A claim held by this process. */
export interface HeldLock {
  /** False once a renewal found the claim taken over (this run stalled past its expiry). */
  readonly held: boolean;
  /** Stops renewing and releases the claim (when still held). */
  release(): Promise<void>;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export interface ClaimOptions {
  ttlMs?: number;
  /** Recorded as the holder's account (default: this process's OS user). */
  user?: string;
  host?: string;
}

/**
 * Claims the lock `name` for the run `owner`, renewing it every third of its lifetime until
 * released. Answers the holder instead when another live run holds it.
 */
export async function claimGraphLock(
  db: Database,
  name: string,
  owner: string,
  options: ClaimOptions = {},
): Promise<{ ok: true; lock: HeldLock } | { ok: false; holder: LockHolder }> {
  const ttlMs = options.ttlMs ?? LOCK_TTL_MS;
  const [row] = await db.write('db/claim-lock', {
    name,
    owner,
    user: options.user ?? osUser(),
    host: options.host ?? hostname(),
    pid: process.pid,
    ttlMs,
  });
  if (!row) throw new Error(`Claiming the lock "${name}" answered nothing.`);
  if (row.get('acquired') !== true) {
    return {
      ok: false,
      holder: {
        owner: row.get('owner') as string,
        user: row.get('user') as string,
        host: row.get('host') as string,
        pid: Number(row.get('pid')),
        acquiredAt: row.get('acquiredAt') as string,
      },
    };
  }
  let held = true;
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = db.write('db/renew-lock', { name, owner, ttlMs }).then(
        (rows) => {
          if (rows.length === 0) held = false;
        },
        // A renewal that fails (the connection dropped) is tried again at the next tick; the
        // claim lapses only if none gets through before it expires.
        () => undefined,
      );
    },
    Math.max(1_000, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    ok: true,
    lock: {
      get held() {
        return held;
      },
      release: async () => {
        clearInterval(timer);
        await renewing;
        if (held) await db.write('db/release-lock', { name, owner });
        held = false;
      },
    },
  };
}

/** A holder's claim time in plain words: "2026-11-29 19:40:12 UTC". */
export function describeLockTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
