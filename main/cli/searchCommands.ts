/**
 * `caselink search TEXT`: the app's search box on the command line.
 */
import { Option, type Command } from 'commander';
import { CHART_NODE_KINDS, type ChartNodeKind, type SearchResultDto } from '../contract/workspaceTypes';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import { plural } from './format';
import { integerIn, oneOf, repeatable } from './options';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

const KIND_TITLES: Record<ChartNodeKind, string> = {
  person: 'Persons',
  organization: 'Organisations',
  case: 'Cases',
  record: 'Records',
  phone: 'Phones',
  email: 'E-mails',
  address: 'Addresses',
  account: 'Accounts',
  handle: 'Handles',
  document: 'Documents',
  vehicle: 'Vehicles',
};

/** The result as lines: how the text was read, then each group with its hits, best first. */
export function describeSearch(result: SearchResultDto): string[] {
  const lines = result.readAs.map((line) => `Read ${line}.`);
  if (result.groups.length === 0) return [...lines, 'Nothing found.'];
  for (const group of result.groups) {
    const shown = group.hits.length < group.total ? ` (${group.hits.length} of ${group.total} shown)` : '';
    lines.push('', `${KIND_TITLES[group.kind]}: ${group.total}${shown}`);
    for (const { node, matched } of group.hits) {
      const hub = node.hub ? ', hub' : '';
      lines.push(`  ${node.label}  [${node.agencies.join(', ')}] ${plural(node.records, 'record')}${hub}`);
      lines.push(`      ${matched}  ${node.id}`);
    }
  }
  return lines;
}

export function registerSearchCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('search <text...>')
    .description(
      'search names (any script), case references, phones in any written form, addresses, accounts, e-mails, handles, documents and plates',
    )
    .addOption(
      new Option('--kind <kind>', `only this kind (repeatable): ${CHART_NODE_KINDS.join(', ')}`)
        .argParser(repeatable(oneOf(CHART_NODE_KINDS)))
        .default([]),
    )
    .addOption(new Option('--limit <n>', 'at most this many hits in all').default(50).argParser(integerIn(1, 200)))
    .option('--json', 'print JSON')
    .action(async (words: string[], options: { kind: ChartNodeKind[]; limit: number; json?: boolean }) => {
      const text = words.join(' ').trim();
      if (text === '') throw new CaselinkFailure({ kind: 'InvalidInput', message: 'Type something to search for.' });
      const { auditedSearch } = await import('../services/workspace/searchService');
      await withConnection(async (connection) => {
        const result = await auditedSearch(connection.db, { text, kinds: options.kind, limit: options.limit });
        if (options.json) return out(JSON.stringify(result, null, 2));
        describeSearch(result).forEach((line) => out(line));
      });
    });
}
