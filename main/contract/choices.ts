/**
 * The fixed lists of words and bounds that services take and the command line offers in its
 * options and help. They live here, apart from the services that use them, because commander needs
 * them when the program is built, before a command is chosen, and those services load PDFKit,
 * resvg, the phone-number tables or the import pipeline: importing them there would cost every
 * command, even `caselink --help`, a second or more of start-up.
 */
/** What `caselink normalize` reads a value as (core/normalize). */
export { NORMALIZE_KINDS } from '../core/normalizeKinds';

/** The matchers `caselink resolve --matcher` takes (services/resolveService). */
export const MATCHERS = ['rules', 'model', 'hybrid'] as const;
export type Matcher = (typeof MATCHERS)[number];

/** The formats `caselink export --format` writes (services/export/exportService). */
export const EXPORT_FORMATS = ['pdf', 'svg', 'png', 'graphml', 'csv', 'anx', 'json'] as const;

/** Paper sizes and orientations of a drawn chart (services/export/chartPages). */
export const PAPERS = ['a4', 'a3', 'letter'] as const;
export const ORIENTATIONS = ['portrait', 'landscape'] as const;

/** The bounds of a PNG's resolution, in dots per inch (services/export/pngChart). */
export const MIN_PNG_DPI = 36;
export const MAX_PNG_DPI = 600;
