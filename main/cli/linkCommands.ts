/**
 * `caselink resolve`, `links`, `explain`, `linked-cases`, `matches`, `match`, `hub` and `normalize`.
 */
import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import type { NormalizeKind } from '../core/normalize';
import { DEFAULT_HUB_THRESHOLD, DEFAULT_MATCH_THRESHOLD } from '../core/rules';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import { MATCHERS, NORMALIZE_KINDS } from '../contract/choices';
import { formatNumber, formatSeconds, plural } from './format';
import { checkAgency } from './importChecks';
import { agencyCode, country, integerIn, nonEmpty, numberIn, oneOf, repeatable } from './options';
import {
  casesLinkedToCase,
  explainLink,
  IDENTIFIER_LABELS,
  sharedIdentifiers,
  type IdentifierKindName,
  type LinkSide,
} from '../services/linkService';
import { findCase, missingRecords } from '../services/lookupService';
import type { ConfirmFilter, MatchPair, MatchStatus } from '../services/matchService';
import type { Matcher } from '../services/resolveService';
import { caselinkHome } from '../config/settings';

// The services each command uses are imported when it runs, so that a command loads only what it
// needs (the import pipeline, the matcher, the phone-number tables are each a noticeable start-up).

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

const IDENTIFIER_KINDS = Object.keys(IDENTIFIER_LABELS) as IdentifierKindName[];
const MATCH_STATUSES = ['candidate', 'confirmed', 'rejected'] as const satisfies readonly MatchStatus[];
/** The most rows a listing command prints (and asks the database for) at once. */
const MAX_LIMIT = 100_000;
/** An identifier is a hub from this many records: fewer than 2 would make every identifier one. */
const hubThreshold = integerIn(2, 1_000_000);

/** How many pairs are open at a score, as every surface says it. */
export function describeOpen(open: number, minScore: number): string {
  return `${plural(open, 'pair')} open for review at score ≥ ${minScore.toFixed(2)}`;
}

function printPair(out: Out, p: MatchPair, indent = ''): void {
  const side = (s: typeof p.a) =>
    `${s.name ?? '?'}${s.nameLatin && s.nameLatin !== s.name ? ` / ${s.nameLatin}` : ''}${s.birthDate ? `, born ${s.birthDate}` : ''} — ${s.agency} ${s.fileName} › ${s.sheet} row ${s.row}`;
  out(
    `${indent}${p.score.toFixed(2)} ${p.status}${p.decidedBy ? ` by ${p.decidedBy}${p.reviewerName ? ` (${p.reviewerName})` : ''} ${p.decidedAt}` : ''}`,
  );
  out(`${indent}    A ${side(p.a)}  [${p.a.id}]`);
  out(`${indent}    B ${side(p.b)}  [${p.b.id}]`);
  for (const r of p.reasons) out(`${indent}      · ${r}`);
}

/** The OS login a decision is recorded under, as the audit trail records it. */
async function userName(): Promise<string> {
  return (await import('../services/auditService')).osUserName();
}

const reviewerOptions = (command: Command): Command =>
  command
    .option('--user <name>', 'your name as reviewer, recorded beside your OS login (which is always recorded)')
    .option('--note <text>', 'why');

export function describeSide(s: Partial<LinkSide>): string {
  return `${s.agency ?? ''} ${s.fileName ?? ''} › ${s.sheet} row ${s.row}, column "${s.column}": ${JSON.stringify(s.raw)}${s.owner ? ` (${s.owner})` : ''}`;
}

/** Resolves and prints what a task force asks first: which identifiers link which agencies. */
export async function summariseLinks(db: Connection['db'], out: Out): Promise<void> {
  const { resolve } = await import('../services/resolveService');
  const { countOpenMatches } = await import('../services/matchService');
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
    `Cross-agency links: ${plural(links.length, 'identifier')} shared by two or more agencies (${[...byKind].map(([k, n]) => `${formatNumber(n)} ${k.toLowerCase()}`).join(', ')}); ${plural(resolved.hubs, 'hub')} set aside.`,
  );
  for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 8)) out(`  ${pair}: ${formatNumber(n)}`);
  for (const link of links.slice(0, 3))
    out(
      `  e.g. ${link.label.toLowerCase()} ${link.display}: ${link.agencies.join(', ')} (${plural(link.sides.length, 'record')})`,
    );
  const { open, minScore } = await countOpenMatches(db);
  out(`Same-person candidates: ${describeOpen(open, minScore)} (caselink matches, or Review matches in the app).`);
}

export function registerLinkCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('resolve')
    .description(
      'flag hub identifiers and propose same-person matches over the whole graph (idempotent; decisions are kept)',
    )
    .option('--hub-threshold <n>', 'records from which an identifier is a hub', hubThreshold, DEFAULT_HUB_THRESHOLD)
    .option('--no-relink', 'skip re-reading every record under the current normalisation rules')
    .addOption(
      new Option(
        '--matcher <matcher>',
        'rules; the Fellegi–Sunter model estimated from the graph; or hybrid, the two together (see the README)',
      )
        .choices(MATCHERS)
        .default('rules'),
    )
    .option(
      '--incremental',
      'match only what files imported since the last resolution added, and the pairs it affects (rules; no re-linking)',
    )
    .option('--json', 'print JSON')
    .action(
      async (options: {
        hubThreshold: number;
        relink: boolean;
        matcher: Matcher;
        incremental?: boolean;
        json?: boolean;
      }) => {
        const { resolve } = await import('../services/resolveService');
        const { countOpenMatches } = await import('../services/matchService');
        const { cardHasher } = await import('../services/import/profiles');
        await withConnection(async (connection) => {
          const summary = await resolve(connection.db, {
            hubThreshold: options.hubThreshold,
            matcher: options.matcher,
            incremental: options.incremental === true,
            ...(options.relink ? { relinkWith: await cardHasher(caselinkHome()) } : {}),
          });
          if (options.json) return out(JSON.stringify(summary, null, 2));
          if (summary.incremental)
            out(
              `Incremental: ${plural(summary.incremental.newPersons, 'person mention')} imported since the last resolution; ${plural(summary.incremental.rescored, 'mention')} matched again.`,
            );
          else if (options.incremental)
            out('Resolved in full: the model, and a graph never resolved, need the whole graph.');
          if (options.relink && !summary.incremental)
            out(
              `${plural(summary.relinked, 'record')} re-read under the current rules; ${plural(summary.removedIdentifiers, 'identifier')} no longer used, removed.`,
            );
          out(
            `${plural(summary.identifiers, 'identifier')}, ${formatNumber(summary.hubs)} flagged as ${summary.hubs === 1 ? 'a hub' : 'hubs'} (≥ ${plural(options.hubThreshold, 'record')}).`,
          );
          out(
            `${plural(summary.persons, 'person mention')}; ${plural(summary.compared, 'pair')} compared${summary.droppedBlocks ? ` (${plural(summary.droppedBlocks, 'oversized block')} left out)` : ''}; ${plural(summary.candidates, 'same-person pair')} scored, ${formatNumber(summary.withdrawn)} withdrawn; ${formatSeconds(summary.seconds)}.`,
          );
          const { open, minScore } = await countOpenMatches(connection.db);
          out(`${describeOpen(open, minScore)} (caselink matches).`);
        });
      },
    );

  program
    .command('links')
    .description('identifiers shared across agencies, with the records on every side')
    .option('--agency <code>', 'only links involving this agency (repeatable)', repeatable(agencyCode), [])
    .addOption(
      // commander's .choices() is dropped by a later .argParser(): the parser checks the word itself.
      new Option(
        '--kind <kind>',
        `only this kind of identifier (repeatable): ${IDENTIFIER_KINDS.join(', ')}`,
      ).argParser(repeatable(oneOf(IDENTIFIER_KINDS))),
    )
    .option('--include-hubs', 'list hub identifiers too')
    .option('--limit <n>', 'how many identifiers', integerIn(1, MAX_LIMIT), 1000)
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
          for (const agency of options.agency) await checkAgency(connection.db, agency);
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
    .command('explain')
    .addArgument(new Argument('<recordA>', 'a record id').argParser(nonEmpty))
    .addArgument(new Argument('<recordB>', 'another record id').argParser(nonEmpty))
    .description(
      'why two records are linked: every identifier both assert, with agency, file, sheet, row and column on each side',
    )
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      await withConnection(async (connection) => {
        const missing = await missingRecords(connection.db, [a, b]);
        if (missing.length)
          throw new CaselinkFailure({
            kind: 'NotFound',
            message: `No record ${missing.join(' and no record ')} in the graph.`,
            hint: 'Record ids are listed by "caselink links" and "caselink matches" (in brackets), and shown in the app.',
          });
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
    .requiredOption('--agency <code>', "the case's agency", agencyCode)
    .requiredOption('--case <ref>', 'the case reference', nonEmpty)
    .option('--json', 'print JSON')
    .action(async (options: { agency: string; case: string; json?: boolean }) => {
      await withConnection(async (connection) => {
        if (!(await findCase(connection.db, options.agency, options.case)).found)
          throw new CaselinkFailure({
            kind: 'NotFound',
            message: `No case ${options.case} of ${options.agency} in the graph.`,
            hint: 'Case references are matched exactly, as the agency wrote them; "caselink stats" lists the agencies.',
          });
        const linked = await casesLinkedToCase(connection.db, options.agency, options.case);
        if (options.json) return out(JSON.stringify(linked, null, 2));
        if (linked.length === 0) out('No other case shares an identifier with this one.');
        for (const c of linked) {
          out(`${c.agency} ${c.ref}`);
          for (const l of c.chain)
            out(
              `    via ${l.label} ${l.display}: ${options.agency} ${options.case} row ${l.from.row} ↔ ${describeSide(l.to)}`,
            );
        }
      });
    });

  program
    .command('matches')
    .description('the same-person review queue, best first')
    .addOption(
      new Option('--status <status>', 'candidate, confirmed or rejected (repeatable)').argParser(
        repeatable(oneOf(MATCH_STATUSES)),
      ),
    )
    .option('--min-score <s>', 'lowest score shown, from 0 to 1', numberIn(0, 1), DEFAULT_MATCH_THRESHOLD)
    .option('--limit <n>', 'how many pairs (clusters with --clusters)', integerIn(1, MAX_LIMIT), 50)
    .option('--count', 'print only how many pairs are open at the score')
    .option('--clusters', 'open pairs grouped with confirmed ones into clusters of mentions, best first')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        status?: MatchStatus[];
        minScore: number;
        limit: number;
        count?: boolean;
        clusters?: boolean;
        json?: boolean;
      }) => {
        const { countOpenMatches, listMatchClusters, listMatches } = await import('../services/matchService');
        await withConnection(async (connection) => {
          const db = connection.db;
          if (options.count) {
            const counted = await countOpenMatches(db, options.minScore);
            return out(options.json ? JSON.stringify(counted, null, 2) : String(counted.open));
          }
          if (options.clusters) {
            const clusters = await listMatchClusters(db, {
              minScore: options.minScore,
              limit: Math.min(options.limit, 500),
            });
            if (options.json) return out(JSON.stringify(clusters, null, 2));
            if (clusters.length === 0) out('Nothing to review.');
            for (const c of clusters) {
              out(
                `Cluster ${c.id}: ${plural(c.size, 'mention')} (${c.agencies.join(', ')}), ${formatNumber(c.open)} open, ${formatNumber(c.confirmed)} confirmed, best ${c.bestScore.toFixed(2)}`,
              );
              for (const p of c.pairs) printPair(out, p, '  ');
            }
            return;
          }
          const statuses = options.status ?? ['candidate'];
          const pairs = await listMatches(db, { statuses, minScore: options.minScore, limit: options.limit });
          if (options.json) return out(JSON.stringify(pairs, null, 2));
          if (statuses.includes('candidate')) {
            const { open } = await countOpenMatches(db, options.minScore);
            out(
              `${describeOpen(open, options.minScore)}${open > pairs.length ? `; the first ${formatNumber(pairs.length)} shown` : ''}.`,
            );
          }
          if (pairs.length === 0) out('Nothing to review.');
          for (const p of pairs) printPair(out, p);
        });
      },
    );

  const confirmed = async (decision: { decision: string; pairs: number }) =>
    `Confirmed ${plural(decision.pairs, 'pair')} as one decision by ${await userName()}: ${decision.decision} (undo with "caselink undo-decision ${decision.decision}").`;

  reviewerOptions(
    program
      .command('confirm-cluster')
      .description('confirm every open pair of a cluster (caselink matches --clusters) as one decision')
      .addArgument(new Argument('<person>', 'the cluster id, or any person id in the cluster').argParser(nonEmpty))
      .option('--min-score <s>', 'the score the cluster was listed at', numberIn(0, 1), DEFAULT_MATCH_THRESHOLD),
  ).action(async (person: string, options: { minScore: number; user?: string; note?: string }) => {
    const { confirmMatches } = await import('../services/matchService');
    await withConnection(async (connection) => {
      const decision = await confirmMatches(connection.db, {
        filter: { by: 'cluster', person, minScore: options.minScore },
        reviewerName: options.user,
        note: options.note,
      });
      out(await confirmed(decision));
    });
  });

  reviewerOptions(
    program
      .command('confirm-matches')
      .description('confirm every open pair at or above a score (of two agencies) as one decision')
      .requiredOption('--min-score <s>', 'the lowest score confirmed, from 0 to 1', numberIn(0, 1))
      .option(
        '--agencies <codes>',
        'only pairs between these two agencies, e.g. BORDER,RO-POL (BORDER,BORDER for pairs within one)',
        (value: string) => {
          const codes = value.split(',').map((code) => agencyCode(code.trim()));
          if (codes.length !== 2) throw new InvalidArgumentError('give two agency codes separated by a comma');
          return codes as [string, string];
        },
      ),
  ).action(async (options: { minScore: number; agencies?: [string, string]; user?: string; note?: string }) => {
    const filter: ConfirmFilter = { by: 'score', minScore: options.minScore, agencies: options.agencies };
    const { confirmMatches } = await import('../services/matchService');
    await withConnection(async (connection) => {
      for (const agency of options.agencies ?? []) await checkAgency(connection.db, agency);
      out(
        await confirmed(
          await confirmMatches(connection.db, { filter, reviewerName: options.user, note: options.note }),
        ),
      );
    });
  });

  reviewerOptions(
    program
      .command('undo-decision')
      .description('undo a bulk confirmation by its decision id: the pairs nobody decided since are open again')
      .addArgument(new Argument('<decision>', 'the id confirm-cluster or confirm-matches printed').argParser(nonEmpty)),
  ).action(async (decision: string, options: { user?: string; note?: string }) => {
    const { undoMatchDecision } = await import('../services/matchService');
    await withConnection(async (connection) => {
      const undone = await undoMatchDecision(connection.db, {
        decision,
        reviewerName: options.user,
        note: options.note,
      });
      out(`Reopened ${plural(undone.pairs, 'pair')} as one decision by ${await userName()}: ${undone.decision}.`);
    });
  });

  program
    .command('match')
    .description('confirm or reject a same-person candidate, or reopen it')
    .addArgument(
      new Argument('<decision>', 'confirm, reject or reopen').argParser(oneOf(['confirm', 'reject', 'reopen'])),
    )
    .addArgument(new Argument('<personA>', 'a person id').argParser(nonEmpty))
    .addArgument(new Argument('<personB>', 'another person id').argParser(nonEmpty))
    .option('--user <name>', 'your name as reviewer, recorded beside your OS login (which is always recorded)')
    .option('--note <text>', 'why')
    .action(async (decision: string, a: string, b: string, options: { user?: string; note?: string }) => {
      const status = ({ confirm: 'confirmed', reject: 'rejected', reopen: 'candidate' } as const)[
        decision as 'confirm' | 'reject' | 'reopen'
      ];
      if (!status)
        throw new CaselinkFailure({ kind: 'InvalidInput', message: 'The decision is confirm, reject or reopen.' });
      const { decideMatch } = await import('../services/matchService');
      await withConnection(async (connection) => {
        await decideMatch(connection.db, {
          a,
          b,
          status,
          reviewerName: options.user,
          ...(options.note ? { note: options.note } : {}),
        });
        out(
          `${status === 'candidate' ? 'Reopened' : status === 'confirmed' ? 'Confirmed' : 'Rejected'} by ${await userName()}${options.user ? ` (${options.user})` : ''}.`,
        );
      });
    });

  program
    .command('hub')
    .description('say that an identifier is a hub ("on"), is not ("off"), or let its record count decide ("auto")')
    .addArgument(new Argument('<setting>', 'on, off or auto').argParser(oneOf(['on', 'off', 'auto'])))
    .addArgument(new Argument('<kind>', IDENTIFIER_KINDS.join(', ')).argParser(oneOf(IDENTIFIER_KINDS)))
    .addArgument(
      new Argument('<key>', 'the key "caselink identifiers" prints, or the value as written').argParser(nonEmpty),
    )
    .option('--country <cc>', 'country for a value written in national form', country, 'GB')
    .option(
      '--hub-threshold <n>',
      'records from which an identifier is a hub, for "auto"',
      hubThreshold,
      DEFAULT_HUB_THRESHOLD,
    )
    .action(
      async (
        setting: 'on' | 'off' | 'auto',
        kind: IdentifierKindName,
        key: string,
        options: { country: string; hubThreshold: number },
      ) => {
        const hub = ({ on: true, off: false, auto: null } as const)[setting];
        const label = IDENTIFIER_LABELS[kind];
        const { setHubOverride } = await import('../services/resolveService');
        const { normalizeValue } = await import('../core/normalize');
        const { cardHasher } = await import('../services/import/profiles');
        // The key as stored, or else the value as written ("+44 7911 123456", "ab-12 cde"),
        // which reads to its key the way an import reads it: read only when the key does not match.
        const readAs = async () => {
          const read = normalizeValue(kind, key, options.country, await cardHasher(caselinkHome()));
          return read.ok && 'identifiers' in read ? read.identifiers.map((i) => i.key) : [];
        };
        await withConnection(async (connection) => {
          const changed = await setHubOverride(connection.db, label, key, hub, options.hubThreshold, readAs);
          for (const c of changed) out(`${c.display}: ${c.hub ? 'hub' : 'not a hub'}.`);
        });
      },
    );

  program
    .command('normalize')
    .description(
      'print the key an import stores for each value (as "caselink identifiers" lists it), or why it is rejected',
    )
    .addArgument(new Argument('<kind>', NORMALIZE_KINDS.join(', ')).argParser(oneOf(NORMALIZE_KINDS)))
    .argument('<values...>', 'values as written in a spreadsheet cell')
    .option('--country <cc>', "the agency's (or column's) country, for national forms", country, 'GB')
    .action(async (kind: NormalizeKind, values: string[], options: { country: string }) => {
      const { normalizeText } = await import('../core/normalize');
      const { cardHasher } = await import('../services/import/profiles');
      const cardHash = await cardHasher(caselinkHome());
      for (const value of values) out(`${value}\t${normalizeText(kind, value, options.country, cardHash)}`);
    });
}
