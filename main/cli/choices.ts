/**
 * The fixed lists of words and bounds the command line offers in its options and help, copied from
 * the services that define them. The copies are there because commander needs them when the program
 * is built, before a command is chosen, and the modules that own them load PDFKit, resvg, the
 * phone-number tables or the import pipeline: importing them here would cost every command, even
 * `caselink --help`, a second or more of start-up. Each copy `satisfies` the type of its original,
 * literal for literal and in order, so that a change on one side and not the other does not compile
 * (test/unit/cliChoices.test.ts compares the values too).
 */
import type { NORMALIZE_KINDS as NormalizeKinds } from '../core/normalize';
import type { ORIENTATIONS as Orientations, PAPERS as Papers } from '../services/export/chartPages';
import type { EXPORT_FORMATS as ExportFormats } from '../services/export/exportService';
import type { MAX_PNG_DPI as MaxPngDpi, MIN_PNG_DPI as MinPngDpi } from '../services/export/pngChart';
import type { MATCHERS as Matchers } from '../services/resolveService';

/** What `caselink normalize` reads a value as (core/normalize). */
export const NORMALIZE_KINDS = [
  'phone',
  'address',
  'account',
  'email',
  'handle',
  'document',
  'vehicle',
  'name',
  'country',
] as const satisfies typeof NormalizeKinds;

/** The matchers `caselink resolve --matcher` takes (services/resolveService). */
export const MATCHERS = ['rules', 'model'] as const satisfies typeof Matchers;

/** The formats `caselink export --format` writes (services/export/exportService). */
export const EXPORT_FORMATS = [
  'pdf',
  'svg',
  'png',
  'graphml',
  'csv',
  'anx',
  'json',
] as const satisfies typeof ExportFormats;

/** Paper sizes and orientations of a drawn chart (services/export/chartPages). */
export const PAPERS = ['a4', 'a3', 'letter'] as const satisfies typeof Papers;
export const ORIENTATIONS = ['portrait', 'landscape'] as const satisfies typeof Orientations;

/** The bounds of a PNG's resolution, in dots per inch (services/export/pngChart). */
export const MIN_PNG_DPI = 36 satisfies typeof MinPngDpi;
export const MAX_PNG_DPI = 600 satisfies typeof MaxPngDpi;
