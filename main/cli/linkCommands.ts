/**
 * `caselink resolve`, `links`, `explain`, `linked-cases`, `matches`, `match`, `hub` and `normalize`.
 */
import { Option, type Command } from 'commander';
import { normalizeText, NORMALIZE_KINDS, type NormalizeKind } from '../core/normalize';
import { DEFAULT_MATCH_THRESHOLD } from '../core/matching';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import {
  casesLinkedToCase,
  explainLink,
  IDENTIFIER_LABELS,
  sharedIdentifiers,
  type IdentifierKindName,
  type LinkSide,
} from '../services/linkService';
import { decideMatch, listMatches, type MatchStatus } from '../services/matchService';
import { osUserName } from '../services/auditService';
import { caselinkHome } from '../config/settings';
import { cardHasher } from '../services/import/profiles';
import { DEFAULT_HUB_THRESHOLD, resolve, setHubOverride } from '../services/resolveService';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function describeSide(s: Partial<LinkSide>): string {
  return `${s.agency ?? ''} ${s.fileName ?? ''} › ${s.sheet} row ${s.row}, column "${s.column}": ${JSON.stringify(s.raw)}${s.owner ? ` (${s.owner})` : ''}`;
}

/** Resolves and prints what a task force asks first: which identifiers link which agencies. */
export async function summariseLinks(db: Connection['db'], out: Out): Promise<void> {
  const resolved = await resolve(db);
  const links = await sharedIdentifiers(db, { limit: 10_000 });
  const byKind = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const link of links) {
    byKind.set(link.label, (byKind.get(link.label) ?? 0) + 1);
    for (let i = 0; i < link.agencies.length; i++) {
      for (let j = i + 1; j < link.agencies.length; j++) {
        const key = `${link.agencies[i]} ↔ ${link.agencies[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  out('');
  out(
    `Cross-agency links: ${links.length} identifiers shared by two or more agencies (${[...byKind].map(([k, n]) => `${n} ${k.toLowerCase()}`).join(', ')}); ${resolved.hubs} hubs set aside.`,
  );
  for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 8)) out(`  ${pair}: ${n}`);
  for (const link of links.slice(0, 3))
    out(
      `  e.g. ${link.label.toLowerCase()} ${link.display}: ${link.agencies.join(', ')} (${link.sides.length} records)`,
    );
  out(
    `Same-person candidates to review: ${(await listMatches(db, { limit: 5000 })).length} (caselink matches, or Review matches in the app).`,
  );
}

export function registerLinkCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('resolve')
    .description(
      'flag hub identifiers and propose same-person matches over the whole graph (idempotent; decisions are kept)',
    )
    .option('--hub-threshold <n>', 'records from which an identifier is a hub', (v) => Number(v), DEFAULT_HUB_THRESHOLD)
    .option('--no-relink', 'skip re-reading every record under the current normalisation rules')
    .option('--json', 'print JSON')
    .action(async (options: { hubThreshold: number; relink: boolean; json?: boolean }) => {
      await withConnection(async (connection) => {
        const summary = await resolve(connection.db, {
          hubThreshold: options.hubThreshold,
          ...(options.relink ? { relinkWith: await cardHasher(caselinkHome()) } : {}),
        });
        if (options.json) return out(JSON.stringify(summary, null, 2));
        if (options.relink)
          out(
            `${summary.relinked} records re-read under the current rules; ${summary.removedIdentifiers} identifiers no longer used, removed.`,
          );
        out(`${summary.identifiers} identifiers, ${summary.hubs} flagged as hubs (≥ ${options.hubThreshold} records).`);
        out(
          `${summary.persons} person mentions; ${summary.candidates} same-person candidates proposed, ${summary.withdrawn} withdrawn; ${summary.seconds.toFixed(1)} s.`,
        );
      });
    });

  program
    .command('links')
    .description('identifiers shared across agencies, with the records on every side')
    .option('--agency <code>', 'only links involving this agency (repeatable)', collect, [])
    .addOption(
      new Option('--kind <kind>', 'only this kind of identifier (repeatable)')
        .choices(Object.keys(IDENTIFIER_LABELS))
        .argParser(collect),
    )
    .option('--include-hubs', 'list hub identifiers too')
    .option('--limit <n>', 'how many identifiers', (v) => Number(v), 1000)
    .option('--json', 'print JSON')
    .action(
      async (options: {
        agency: string[];
        kind?: IdentifierKindName[];
        includeHubs?: boolean;
        limit: number;
        json?: boolean;
      }) => {
        await withConnection(async (connection) => {
          const links = await sharedIdentifiers(connection.db, {
            agencies: options.agency,
            kinds: options.kind ?? [],
            includeHubs: !!options.includeHubs,
            limit: options.limit,
          });
          if (options.json) return out(JSON.stringify(links, null, 2));
          if (links.length === 0)
            out('No identifier is shared across agencies (run "caselink resolve" after importing).');
          for (const link of links) {
            out(`${link.label} ${link.display}${link.hub ? ' [hub]' : ''} — ${link.agencies.join(', ')}`);
            for (const s of link.sides) out(`    ${describeSide(s)}  [record ${s.record}]`);
          }
        });
      },
    );

  program
    .command('explain <recordA> <recordB>')
    .description(
      'why two records are linked: every identifier both assert, with agency, file, sheet, row and column on each side',
    )
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      await withConnection(async (connection) => {
        const reasons = await explainLink(connection.db, a, b);
        if (options.json) return out(JSON.stringify(reasons, null, 2));
        if (reasons.length === 0) out('These records share no identifier.');
        for (const r of reasons) {
          out(`${r.label} ${r.display}${r.hub ? ' [hub]' : ''}`);
          out(`    ${describeSide(r.left)}`);
          out(`    ${describeSide(r.right)}`);
        }
      });
    });

  program
    .command('linked-cases')
    .description('the cases linked to a case, with the identifiers that link them')
    .requiredOption('--agency <code>', "the case's agency")
    .requiredOption('--case <ref>', 'the case reference')
    .option('--json', 'print JSON')
    .action(async (options: { agency: string; case: string; json?: boolean }) => {
      await withConnection(async (connection) => {
        const linked = await casesLinkedToCase(connection.db, options.agency, options.case);
        if (options.json) return out(JSON.stringify(linked, null, 2));
        if (linked.length === 0) out('No other case shares an identifier with this one.');
        for (const c of linked) {
          out(`${c.agency} ${c.ref}`);
          for (const l of c.chain)
            out(
              `    via ${l.label} ${l.display}: ${options.agency.toUpperCase()} ${options.case} row ${l.from.row} ↔ ${describeSide(l.to)}`,
            );
        }
      });
    });

  program
    .command('matches')
    .description('the same-person review queue, best first')
    .addOption(
      new Option('--status <status>', 'candidate, confirmed or rejected (repeatable)')
        .choices(['candidate', 'confirmed', 'rejected'])
        .argParser(collect),
    )
    .option('--min-score <s>', 'lowest score shown', (v) => Number(v), DEFAULT_MATCH_THRESHOLD)
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (options: { status?: MatchStatus[]; minScore: number; limit: number; json?: boolean }) => {
      await withConnection(async (connection) => {
        const pairs = await listMatches(connection.db, {
          statuses: options.status ?? ['candidate'],
          minScore: options.minScore,
          limit: options.limit,
        });
        if (options.json) return out(JSON.stringify(pairs, null, 2));
        if (pairs.length === 0) out('Nothing to review.');
        for (const p of pairs) {
          const side = (s: typeof p.a) =>
            `${s.name ?? '?'}${s.nameLatin && s.nameLatin !== s.name ? ` / ${s.nameLatin}` : ''}${s.birthDate ? `, born ${s.birthDate}` : ''} — ${s.agency} ${s.fileName} › ${s.sheet} row ${s.row}`;
          out(`${p.score.toFixed(2)} ${p.status}${p.decidedBy ? ` by ${p.decidedBy}${p.reviewerName ? ` (${p.reviewerName})` : ''} ${p.decidedAt}` : ''}`);
          out(`    A ${side(p.a)}  [${p.a.id}]`);
          out(`    B ${side(p.b)}  [${p.b.id}]`);
          for (const r of p.reasons) out(`      · ${r}`);
        }
      });
    });

  program
    .command('match <decision> <personA> <personB>')
    .description('confirm or reject a same-person candidate (or reopen it: "candidate")')
    .option('--user <name>', 'your name as reviewer, recorded beside your OS login (which is always recorded)')
    .option('--note <text>', 'why')
    .action(async (decision: string, a: string, b: string, options: { user?: string; note?: string }) => {
      const status = ({ confirm: 'confirmed', reject: 'rejected', reopen: 'candidate' } as const)[
        decision as 'confirm' | 'reject' | 'reopen'
      ];
      if (!status)
        throw new CaselinkFailure({ kind: 'InvalidInput', message: 'The decision is confirm, reject or reopen.' });
      await withConnection(async (connection) => {
        await decideMatch(connection.db, {
          a,
          b,
          status,
          reviewerName: options.user,
          ...(options.note ? { note: options.note } : {}),
        });
        out(
          `${status === 'candidate' ? 'Reopened' : status === 'confirmed' ? 'Confirmed' : 'Rejected'} by ${osUserName()}${options.user ? ` (${options.user})` : ''}.`,
        );
      });
    });

  program
    .command('hub <setting> <kind> <key>')
    .description('say that an identifier is a hub ("on"), is not ("off"), or let its record count decide ("auto")')
    .option(
      '--hub-threshold <n>',
      'records from which an identifier is a hub, for "auto"',
      (v) => Number(v),
      DEFAULT_HUB_THRESHOLD,
    )
    .action(async (setting: string, kind: string, key: string, options: { hubThreshold: number }) => {
      const hub = ({ on: true, off: false, auto: null } as const)[setting as 'on' | 'off' | 'auto'];
      const label = IDENTIFIER_LABELS[kind as IdentifierKindName];
      if (hub === undefined || !label)
        throw new CaselinkFailure({
          kind: 'InvalidInput',
          message: 'Use: caselink hub on|off|auto phone|email|address|account|handle|document|vehicle KEY',
        });
      await withConnection(async (connection) => {
        const changed = await setHubOverride(connection.db, label, key, hub, options.hubThreshold);
        if (changed.length === 0)
          throw new CaselinkFailure({
            kind: 'NotFound',
            message: `No ${kind} ${key} in the graph (use the key "caselink identifiers" shows).`,
          });
        for (const c of changed) out(`${c.display}: ${c.hub ? 'hub' : 'not a hub'}.`);
      });
    });

  program
    .command('normalize <kind> <values...>')
    .description(`print the normalised form of values, or why each was rejected (${NORMALIZE_KINDS.join(', ')})`)
    .option('--country <cc>', 'default country', 'GB')
    .action((kind: string, values: string[], options: { country: string }) => {
      if (!(NORMALIZE_KINDS as readonly string[]).includes(kind))
        throw new CaselinkFailure({
          kind: 'InvalidInput',
          message: `The kind is one of ${NORMALIZE_KINDS.join(', ')}.`,
        });
      for (const value of values)
        out(`${value}\t${normalizeText(kind as NormalizeKind, value, options.country.toUpperCase())}`);
    });
}
