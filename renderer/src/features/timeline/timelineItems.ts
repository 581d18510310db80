/**
 * The timeline's items: one per node and date behind what is on the chart, in a row per agency.
 * Pure, so the timeline library only draws what this decides.
 */
import type { ChartNodeDto } from '../../../../main/contract/workspaceTypes';
import { dateSpan } from '../../graph/filters';

/** The row of dates whose agency cannot be told (a node several agencies assert, with no mention to say whose date). */
export const SEVERAL_AGENCIES = 'Several agencies';

/** How many items the timeline draws at most; the rest are counted, not dropped silently. */
export const TIMELINE_ITEM_LIMIT = 2000;

export interface TimelineItem {
  /** `${node}|${agency}|${date}`: unique, stable across redraws. */
  id: string;
  node: string;
  /** The row: an agency, or {@link SEVERAL_AGENCIES}. */
  group: string;
  label: string;
  /** The date as the record gives it (a day, a month or a year). */
  date: string;
  /** The first and last day it covers. */
  first: string;
  last: string;
}

export interface TimelineData {
  items: TimelineItem[];
  /** Rows in order: agencies sorted, {@link SEVERAL_AGENCIES} last. */
  groups: string[];
  /** Items past {@link TIMELINE_ITEM_LIMIT}, left out. */
  leftOut: number;
  /** Nodes on the chart with no date at all. */
  undated: number;
}

/**
 * Timeline items for the nodes shown: a person's dates come from its mentions (each with its
 * agency); other nodes' from their records' dates, in their agency's row when there is one.
 * Text that is not a date or a prefix of one is skipped. Items are sorted by date, then row.
 */
export function timelineItems(nodes: readonly ChartNodeDto[], limit: number = TIMELINE_ITEM_LIMIT): TimelineData {
  const items = new Map<string, TimelineItem>();
  let undated = 0;
  for (const node of nodes) {
    const dated: { group: string; date: string }[] = (node.mentions ?? [])
      .filter((m) => m.date !== null)
      .map((m) => ({ group: m.agency, date: m.date! }));
    if (dated.length === 0) {
      const group = node.agencies.length === 1 ? node.agencies[0]! : SEVERAL_AGENCIES;
      for (const date of node.dates ?? []) dated.push({ group, date });
    }
    let any = false;
    for (const { group, date } of dated) {
      const span = dateSpan(date);
      if (!span) continue;
      any = true;
      const id = `${node.id}|${group}|${date}`;
      if (!items.has(id)) items.set(id, { id, node: node.id, group, label: node.label, date, ...span });
    }
    if (!any) undated += 1;
  }
  const sorted = [...items.values()].sort(
    (a, b) => compare(a.first, b.first) || compare(a.group, b.group) || compare(a.id, b.id),
  );
  const groups = [...new Set(sorted.map((item) => item.group))].sort(
    (a, b) => Number(a === SEVERAL_AGENCIES) - Number(b === SEVERAL_AGENCIES) || compare(a, b),
  );
  return { items: sorted.slice(0, limit), groups, leftOut: Math.max(0, sorted.length - limit), undated };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The timeline draws in the computer's local time, so a record's day is drawn from local
// midnight to local midnight, and a window is read back into days the same way.

/** A date as the local day it falls on, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of a `YYYY-MM-DD` day. */
export function startOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!);
}

/** Local midnight at the end of a `YYYY-MM-DD` day (the start of the next). */
export function endOfDay(day: string): Date {
  const start = startOfDay(day);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

/**
 * The period a brushed window of the timeline stands for: the first and the last day it shows,
 * whole or in part. A window that ends exactly at midnight ends the day before.
 */
export function periodOfWindow(start: Date, end: Date): { from: string; to: string } {
  const last = new Date(Math.max(start.getTime(), end.getTime() - 1));
  return { from: localDay(start), to: localDay(last) };
}
