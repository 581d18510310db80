/**
 * The demo's last step: a link chart of the largest cross-agency network in the graph, written
 * as a PDF (with its evidence appendix, victims and witnesses under pseudonyms) by the same
 * export service as `caselink export` and the app's Export dialog, and its path printed.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeRef, type IdentifierNodeKind } from '../contract/workspaceTypes';
import type { Database } from '../db/database';
import { EXPORT_FORMATS, exportChart, type ExportFormat, type ExportResult } from '../services/export/exportService';
import { sharedIdentifiers } from '../services/linkService';
import { expandNodes } from '../services/workspace/expandService';
import { plural } from './format';

type Out = (line?: string) => void;

/** How far the network reaches from the identifier it is found by: its users, and theirs. */
const NETWORK_HOPS = 3;
/** At most this many nodes on the demo's chart (readable on an A3 page, with its appendix). */
const NETWORK_LIMIT = 300;
/** How many of the most-shared identifiers are tried as the network's starting point. */
const CANDIDATES = 8;

/** The shared identifiers whose node reference the link list gives whole (the key is the reference's one part). */
const REFERABLE: Record<string, IdentifierNodeKind> = { Phone: 'phone', Email: 'email', Address: 'address' };

/** Formats in the order a reader would rather have them, when PDF is not written. */
const PREFERENCE: readonly string[] = ['pdf', 'svg', 'png', 'anx', 'graphml', 'json', 'csv'];

export interface CrossAgencyNetwork {
  /** The identifier the network is reached from. */
  seed: string;
  display: string;
  /** The network's nodes (the seed's users, theirs, and what links them), by reference. */
  nodes: string[];
  agencies: string[];
}

/**
 * The largest cross-agency network: from each of the identifiers shared by the most agencies
 * (hubs left out), the nodes within {@link NETWORK_HOPS} steps; the one that spans the most
 * agencies, then holds the most nodes, wins. An identifier already inside a network tried is not
 * tried again. Null when no identifier is shared across agencies.
 */
export async function largestCrossAgencyNetwork(db: Database): Promise<CrossAgencyNetwork | null> {
  const links = await sharedIdentifiers(db, { limit: 500 });
  const seen = new Set<string>();
  let best: CrossAgencyNetwork | null = null;
  let tried = 0;
  for (const link of links) {
    const kind = REFERABLE[link.label];
    if (!kind || link.hub) continue;
    const seed = nodeRef(kind, [link.key]);
    if (seen.has(seed)) continue;
    if (++tried > CANDIDATES) break;
    const slice = await expandNodes(db, { nodes: [seed], hops: NETWORK_HOPS, limit: NETWORK_LIMIT });
    const nodes = [...new Set([seed, ...slice.nodes.map((n) => n.id)])].sort();
    nodes.forEach((n) => seen.add(n));
    const agencies = [...new Set(slice.nodes.flatMap((n) => n.agencies))].sort();
    if (
      !best ||
      agencies.length > best.agencies.length ||
      (agencies.length === best.agencies.length && nodes.length > best.nodes.length)
    )
      best = { seed, display: link.display, nodes, agencies };
  }
  return best;
}

/** PDF when the export service writes it, else the richest format it does. */
export function demoChartFormat(formats: readonly string[] = EXPORT_FORMATS): ExportFormat {
  return PREFERENCE.find((f) => formats.includes(f)) as ExportFormat;
}

/**
 * Writes the demo's chart into `dir` and prints where; answers the export, or null when the
 * graph holds no cross-agency network.
 */
export async function writeDemoChart(db: Database, dir: string, out: Out): Promise<ExportResult | null> {
  out('');
  out('Drawing the largest cross-agency network…');
  const network = await largestCrossAgencyNetwork(db);
  if (!network) {
    out('No identifier is shared across agencies yet: no chart to draw.');
    return null;
  }
  const format = demoChartFormat();
  await mkdir(dir, { recursive: true });
  const extension = format === 'json' ? 'caselink.json' : format;
  const path = join(dir, `cross-agency-network.${extension}`);
  const result = await exportChart(db, {
    definition: {
      title: `Cross-agency network around ${network.display}`,
      marking: 'OFFICIAL-SENSITIVE — synthetic demo data',
      seeds: [network.seed],
      hops: NETWORK_HOPS,
      limit: NETWORK_LIMIT,
      redaction: { enabled: true, persons: [] },
    },
    format,
    out: path,
  });
  out(
    `${plural(result.nodes, 'node')} and ${plural(result.edges, 'link')} of ${network.agencies.length} agencies (${network.agencies.join(', ')}), ${
      result.pseudonyms > 0
        ? `victims and witnesses under pseudonyms (${plural(result.pseudonyms, 'pseudonym')})`
        : 'no victim or witness on it to put under a pseudonym'
    }.`,
  );
  if ((format as string) !== 'pdf') out(`This Caselink does not write PDF yet: the chart is written as ${format}.`);
  out(`Chart (${format.toUpperCase()}): ${result.files.join(', ')}`);
  return result;
}
