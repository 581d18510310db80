/**
 * The workspace's notes with the app's advice: a note's `text` is what the app shows beside its
 * controls ("show the rest", "include hubs") and what a chart file keeps (in its fingerprint), so
 * this wording stays as it is; a front end with other controls words its own advice from the
 * note's kind after its `fact` (the command line names its options).
 */
import type { ChartNoteDto, ChartNoteKind } from '../../contract/workspaceTypes';

/** How the app's advice follows each kind's fact. */
const APP_ADVICE: Record<Exclude<ChartNoteKind, 'other'>, string> = {
  'hubs-left-out': '; expand with hubs included to draw them.',
  capped: ': show the rest to draw them.',
  'path-hubs-left-out': '; include hubs to see them.',
  'no-path': ': try more steps.',
  'no-path-without-hubs': ': try more steps or include hubs.',
};

/** A note with a remedy: its fact, and the app's advice after it. */
export function adviceNote(kind: Exclude<ChartNoteKind, 'other'>, fact: string): ChartNoteDto {
  return { kind, text: `${fact}${APP_ADVICE[kind]}`, fact };
}

/** A note nothing the user asks for changes. */
export function plainNote(text: string): ChartNoteDto {
  return { kind: 'other', text, fact: text };
}

/** The notes' texts, as a chart file keeps them and its fingerprint reads them. */
export function noteTexts(notes: readonly ChartNoteDto[]): string[] {
  return notes.map((n) => n.text);
}
