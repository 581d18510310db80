/**
 * The bench's database: the app's own {@link Database} for everything, with every `read` run
 * through a driver of the bench's own so that the server's answer (how long Neo4j took to
 * produce and stream each statement's rows, from the result summary) is kept beside the time the
 * client saw. It runs the same statement text, parameters, transaction kind and row mapping as
 * main/db, so what it times is what the app runs. `profile` gives Neo4j's PROFILE of a statement:
 * its operators with the rows each produced and the database hits each cost.
 */
import { performance } from 'node:perf_hooks';
import neo4j, { type Driver, type ManagedTransaction, type ProfiledPlan } from 'neo4j-driver';
import { statement } from '../../main/db/cypher';
import { toCypherParams, toRow, type ConnectionSettings, type Database, type Params } from '../../main/db/database';

/** One statement as run: its name, parameters, rows and the server's time in milliseconds. */
export interface StatementRun {
  name: string;
  params: Params;
  rows: number;
  /** Until the first row was available, then until the last was streamed (summary timings). */
  serverMs: number;
  /** From asking to the last row mapped, as this process saw it. */
  wallMs: number;
  /** When it was asked for and when its last row was mapped (performance.now()). */
  startedAt: number;
  endedAt: number;
  /** The transaction it ran in: a number of its own for a lone `read`, shared within a `readWork`. */
  transaction: number;
}

/** One operator of a profiled plan, flattened depth first. */
export interface PlanLine {
  depth: number;
  operator: string;
  rows: number;
  dbHits: number;
  details: string;
}

export interface TimedDatabase extends Database {
  /** The statements run since the last call, in the order they finished. */
  take(): StatementRun[];
  /** The PROFILE of a read statement with these parameters: its operators and total db hits. */
  profile(name: string, params: Params): Promise<{ lines: PlanLine[]; dbHits: number; rows: number }>;
}

const ms = (value: unknown): number => {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  return (value as { toNumber(): number }).toNumber();
};

function flatten(plan: ProfiledPlan, depth: number, out: PlanLine[]): void {
  const details = plan.arguments?.Details;
  out.push({
    depth,
    operator: plan.operatorType,
    rows: plan.rows,
    dbHits: plan.dbHits,
    details: typeof details === 'string' ? details : '',
  });
  for (const child of plan.children) flatten(child, depth + 1, out);
}

/**
 * Rounds of waiting in these statements: a statement asked for while none of the others was under
 * way starts a new round (statements run side by side share one). With one transaction per
 * question, these are the round trips a question cannot pipeline.
 */
export function waves(ran: readonly StatementRun[]): number {
  let count = 0;
  let until = -Infinity;
  for (const r of [...ran].sort((a, b) => a.startedAt - b.startedAt)) {
    if (r.startedAt >= until) count += 1;
    until = Math.max(until, r.endedAt);
  }
  return count;
}

/** Wraps `inner` (opened on `settings`): reads go through a driver of the bench's own, timed. */
export function timedDatabase(inner: Database, settings: ConnectionSettings): TimedDatabase {
  const driver: Driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    userAgent: 'caselink-bench/0.1',
  });
  let runs: StatementRun[] = [];
  let transactions = 0;
  const session = () => driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
  /** Runs one read statement in `tx` as main/db does, and keeps its timings. */
  const timed = async (tx: ManagedTransaction, transaction: number, name: string, params: Params) => {
    const st = statement(name);
    if (st.mode !== 'read') throw new Error(`cypher/${name}.cypher is a ${st.mode} statement, not read`);
    const startedAt = performance.now();
    const result = await tx.run(st.texts[0] as string, toCypherParams(params) as Params);
    const rows = result.records.map((record) => toRow(name, record));
    const endedAt = performance.now();
    runs.push({
      name,
      params,
      rows: rows.length,
      serverMs: ms(result.summary.resultAvailableAfter) + ms(result.summary.resultConsumedAfter),
      wallMs: endedAt - startedAt,
      startedAt,
      endedAt,
      transaction,
    });
    return rows;
  };
  return {
    ...inner,
    settings: inner.settings,
    read: async (name, params = {}) => {
      const s = session();
      const transaction = ++transactions;
      try {
        return await s.executeRead((tx) => timed(tx, transaction, name, params), {
          metadata: { app: 'caselink', query: name },
        });
      } finally {
        await s.close();
      }
    },
    readWork: async (label, work) => {
      const s = session();
      const transaction = ++transactions;
      try {
        return await s.executeRead((tx) => work((name, params = {}) => timed(tx, transaction, name, params)), {
          metadata: { app: 'caselink', query: label },
        });
      } finally {
        await s.close();
      }
    },
    take: () => {
      const out = runs;
      runs = [];
      return out;
    },
    profile: async (name, params) => {
      const st = statement(name);
      const s = session();
      try {
        const result = await s.executeRead((tx) =>
          // eslint-disable-next-line no-restricted-syntax -- a registered statement, unchanged, under PROFILE
          tx.run(`PROFILE ${st.texts[0] as string}`, toCypherParams(params) as Params),
        );
        const plan = result.summary.profile;
        const lines: PlanLine[] = [];
        if (plan) flatten(plan, 0, lines);
        return { lines, dbHits: lines.reduce((n, l) => n + l.dbHits, 0), rows: result.records.length };
      } finally {
        await s.close();
      }
    },
    close: async () => {
      await driver.close();
      await inner.close();
    },
  };
}
