/**
 * `caselink expand`, `caselink path` and `caselink details`: the workspace's expand, shortest
 * paths and details panel on the command line, by chart node reference (`phone:%2B447700900123`,
 * `case:CITY-POL:CP-100`, `person:<mention id>` — `caselink search` prints them).
 */
import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import {
  CHART_EDGE_KINDS,
  nodeRef,
  parseNodeRef,
  type ChartEdgeKind,
  type ChartNodeDto,
  type ChartNoteDto,
  type ChartSliceDto,
  type NodeDetailsDto,
  type PathsResultDto,
  type SourceRefDto,
} from '../contract/workspaceTypes';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import { plural } from './format';
import { checkAgency } from './importChecks';
import { agencyCode, integerIn, numberIn, oneOf, repeatable } from './options';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

/**
 * A chart node reference typed on the command line, in the graph's own spelling: its keys escaped
 * as `caselink search` prints them, so that `phone:+447700900123`, or a case reference with a "/"
 * typed as the agency wrote it, names the same node as the escaped form.
 */
function nodeReference(value: string): string {
  const parsed = value.length > 1000 ? null : parseNodeRef(value);
  if (!parsed) {
    throw new InvalidArgumentError(
      'not a node reference: kind and keys joined by ":", e.g. phone:%2B447700900123 or case:CITY-POL:CP-100 (caselink search prints them)',
    );
  }
  return nodeRef(parsed.kind, parsed.parts);
}

function describeNode(node: ChartNodeDto): string {
  const extra = [
    node.agencies.join(', '),
    plural(node.records, 'record'),
    ...(node.hub ? ['hub'] : []),
    ...(node.unconfirmed ? ['joined by unconfirmed matches'] : []),
  ];
  return `${node.kind} ${node.label}  [${extra.join('; ')}]  ${node.id}`;
}

/**
 * A service's note as the command line gives it: the note's text advises the app's actions ("show
 * the rest", "include hubs", "more steps"); here the advice, chosen by the note's kind, names the
 * options that do it.
 */
export function commandLineNote(note: ChartNoteDto): string {
  switch (note.kind) {
    case 'hubs-left-out':
      return `${note.fact}; add --hubs to draw them.`;
    case 'capped':
      return `${note.fact}: give a larger --limit to draw them.`;
    case 'path-hubs-left-out':
      return `${note.fact}; add --hubs to see them.`;
    case 'no-path':
      return `${note.fact}: try a larger --max-hops (up to 10).`;
    case 'no-path-without-hubs':
      return `${note.fact}: try a larger --max-hops (up to 10) or add --hubs.`;
    case 'other':
      return note.text;
  }
}

/** A slice as lines: its nodes, its edges by node label, and what was left out. */
export function describeSlice(slice: ChartSliceDto): string[] {
  const label = new Map(slice.nodes.map((n) => [n.id, n.label]));
  const name = (ref: string) => label.get(ref) ?? ref;
  const lines = [`${plural(slice.nodes.length, 'node')}:`, ...slice.nodes.map((n) => `  ${describeNode(n)}`)];
  lines.push(`${plural(slice.edges.length, 'link')}:`);
  for (const e of slice.edges) {
    const what = e.kind === 'shares' ? `shares ${(e.via ?? []).map(name).join(', ')}` : e.kind;
    const detail = e.role ? ` as ${e.role}` : e.score !== undefined ? ` (score ${e.score})` : '';
    lines.push(`  ${name(e.source)} —${what}${detail}→ ${name(e.target)}  [${e.agencies.join(', ')}]`);
  }
  for (const note of slice.notes) lines.push(`Note: ${commandLineNote(note)}`);
  return lines;
}

export function describePaths(result: PathsResultDto): string[] {
  const label = new Map(result.slice.nodes.map((n) => [n.id, `${n.label} (${n.kind})`]));
  const lines: string[] = [];
  result.paths.forEach((p, i) => {
    lines.push(
      `Path ${i + 1}, ${plural(p.edges.length, 'step')}: ${p.nodes.map((ref) => label.get(ref) ?? ref).join(' → ')}`,
    );
  });
  if (result.paths.length === 0) lines.push('No path found.');
  for (const note of result.slice.notes) lines.push(`Note: ${commandLineNote(note)}`);
  return lines;
}

function describeSource(s: SourceRefDto): string {
  const cell = s.column ? `, column "${s.column}"${s.raw !== null ? `: ${JSON.stringify(s.raw)}` : ''}` : '';
  const grading = [s.grading ? `graded ${s.grading}` : '', s.handling ? `handling ${s.handling}` : ''].filter(Boolean);
  return `${s.agency} ${s.fileName} › ${s.sheet} row ${s.row}${cell}${grading.length ? ` (${grading.join(', ')})` : ''}; imported ${s.importedAt}; SHA-256 ${s.sha256}`;
}

export function describeDetails(details: NodeDetailsDto): string[] {
  const lines = [describeNode(details.node)];
  for (const m of details.node.mentions ?? []) {
    lines.push(
      `  mention ${m.name ?? '?'} (${m.role ?? 'no role'}) in ${m.agency} record ${m.record}${m.date ? ` of ${m.date}` : ''}`,
    );
  }
  lines.push('', 'Properties:');
  for (const p of details.properties) {
    lines.push(`  ${p.name}: ${p.value}`);
    for (const s of p.sources) lines.push(`      ${describeSource(s)}`);
  }
  lines.push('', 'Known to:');
  for (const a of details.agencies) {
    lines.push(`  ${a.agency}: ${plural(a.records.length, 'row')}`);
    for (const s of a.records) lines.push(`      ${describeSource(s)}`);
  }
  return lines;
}

export function registerWorkspaceCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('expand')
    .addArgument(
      new Argument('<node...>', 'node references').argParser((value: string, previous?: string[]) => [
        ...(previous ?? []),
        nodeReference(value),
      ]),
    )
    .description("a node's neighbours by link kind, agency and hops (hubs left out unless --hubs)")
    .addOption(
      new Option('--edge <kind>', `follow only this kind of link (repeatable): ${CHART_EDGE_KINDS.join(', ')}`)
        .argParser(repeatable(oneOf(CHART_EDGE_KINDS)))
        .default([]),
    )
    .addOption(
      new Option('--agency <code>', 'only links asserted by this agency (repeatable)')
        .argParser(repeatable(agencyCode))
        .default([]),
    )
    .addOption(new Option('--hops <n>', 'how many steps out').default(1).argParser(integerIn(1, 3)))
    .option('--hubs', 'include hub identifiers')
    .addOption(
      new Option('--join-candidates <score>', 'also join mentions by open candidates at this score or more').argParser(
        numberIn(0, 1),
      ),
    )
    .option('--collapse', 'collapse identifiers into links between the persons and records that share them')
    .addOption(new Option('--limit <n>', 'at most this many new nodes').default(100).argParser(integerIn(1, 2000)))
    .option('--json', 'print JSON')
    .action(
      async (
        nodes: string[],
        options: {
          edge: ChartEdgeKind[];
          agency: string[];
          hops: number;
          hubs?: boolean;
          joinCandidates?: number;
          collapse?: boolean;
          limit: number;
          json?: boolean;
        },
      ) => {
        const refs = nodes;
        const { expandNodes } = await import('../services/workspace/expandService');
        await withConnection(async ({ db }) => {
          for (const agency of options.agency) await checkAgency(db, agency);
          const slice = await expandNodes(db, {
            nodes: refs,
            edgeKinds: options.edge,
            agencies: options.agency,
            hops: options.hops,
            includeHubs: options.hubs ?? false,
            joinCandidatesAt: options.joinCandidates ?? null,
            identifiers: options.collapse ? 'collapsed' : 'nodes',
            limit: options.limit,
          });
          // The nodes asked for are always in the slice when the graph has them.
          if (slice.nodes.length === 0)
            throw new CaselinkFailure({
              kind: 'NotFound',
              message:
                refs.length === 1 ? `${refs[0]} is not in the graph.` : `None of ${refs.join(', ')} is in the graph.`,
              hint: 'Node references are printed by "caselink search".',
            });
          if (options.json) return out(JSON.stringify(slice, null, 2));
          describeSlice(slice).forEach((line) => out(line));
        });
      },
    );

  program
    .command('path')
    .addArgument(new Argument('<from>', 'a node reference').argParser(nodeReference))
    .addArgument(new Argument('<to>', 'a node reference').argParser(nodeReference))
    .description('the shortest paths between two nodes (hubs left out unless --hubs)')
    .addOption(new Option('--max-hops <n>', 'the longest path to look for').default(6).argParser(integerIn(1, 10)))
    .option('--hubs', 'also walk through hub identifiers')
    .addOption(new Option('--limit <n>', 'how many paths').default(5).argParser(integerIn(1, 25)))
    .option('--json', 'print JSON')
    .action(
      async (from: string, to: string, options: { maxHops: number; hubs?: boolean; limit: number; json?: boolean }) => {
        const [a, b] = [from, to];
        const { findPaths } = await import('../services/workspace/pathService');
        await withConnection(async ({ db }) => {
          const result = await findPaths(db, {
            from: a,
            to: b,
            maxHops: options.maxHops,
            includeHubs: options.hubs ?? false,
            limit: options.limit,
          });
          if (options.json) return out(JSON.stringify(result, null, 2));
          describePaths(result).forEach((line) => out(line));
        });
      },
    );

  program
    .command('details')
    .addArgument(new Argument('<node>', 'a node reference').argParser(nodeReference))
    .description('every property of a node with its sources, and which agencies know it')
    .option('--json', 'print JSON')
    .action(async (node: string, options: { json?: boolean }) => {
      const ref = node;
      const { nodeDetails } = await import('../services/workspace/detailsService');
      await withConnection(async ({ db }) => {
        const details = await nodeDetails(db, { node: ref });
        if (options.json) return out(JSON.stringify(details, null, 2));
        describeDetails(details).forEach((line) => out(line));
      });
    });
}
