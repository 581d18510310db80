/**
 * Content sniffing: the first bytes of a file must be what its extension says. A PDF named .csv,
 * random bytes named .xlsx or a text file named .xlsx is refused here with a clear message,
 * instead of being read as a success of 0 rows, or as columns of binary junk.
 */
import { open } from 'node:fs/promises';

/** What the first bytes say the file is, or null when they say nothing known. */
export type Sniffed =
  'zip' | 'ole2' | 'pdf' | 'png' | 'jpeg' | 'gzip' | 'rar' | '7z' | 'xml' | 'html' | 'text' | 'binary' | 'empty';

// As much as the delimited reader uses to detect the encoding and the delimiter.
const SAMPLE_BYTES = 256 * 1024;

const MAGIC: [Sniffed, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  // An empty zip archive: not a workbook, but named as a zip for the message.
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
];

const DESCRIPTION: Record<Sniffed, string> = {
  zip: 'a zip archive',
  ole2: 'an old Office (OLE2) file',
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gzip: 'a gzip archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  xml: 'an XML document',
  html: 'an HTML page',
  text: 'plain text',
  binary: 'binary data',
  empty: 'empty',
};

/** Plain words for what a file was found to be ("a PDF document"). */
export function describeSniffed(kind: Sniffed): string {
  return DESCRIPTION[kind];
}

function startsWith(sample: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => sample[i] === b);
}

/**
 * Whether a byte sample is text: UTF-16 with its byte-order mark, or bytes with few control
 * characters (at most 5%). A stray NUL in an export is cleaned later and warned about; random
 * bytes, where about one byte in nine is a control character, and UTF-16 without its byte-order
 * mark, where every other byte is NUL, are not text.
 */
export function looksLikeText(sample: Uint8Array): boolean {
  if (
    sample.length >= 2 &&
    ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))
  ) {
    return true;
  }
  let controls = 0;
  for (const byte of sample) {
    // Tab, line feed, vertical tab, form feed and carriage return are text.
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f) controls += 1;
  }
  // A few stray controls in a short file are still text; random bytes run to one in nine.
  return controls <= 32 || controls <= sample.length * 0.05;
}

/** What a byte sample is, by magic number and then by content. */
export function sniffBytes(sample: Uint8Array): Sniffed {
  if (sample.length === 0) return 'empty';
  for (const [kind, magic] of MAGIC) if (startsWith(sample, magic)) return kind;
  if (!looksLikeText(sample)) return 'binary';
  const head = new TextDecoder(sample[0] === 0xff && sample[1] === 0xfe ? 'utf-16le' : 'utf-8')
    .decode(sample.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<workbook') || head.startsWith('<office:document')) return 'xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table')) return 'html';
  return 'text';
}

/** Reads the first bytes of a file and sniffs them. */
export async function sniffFile(path: string): Promise<{ kind: Sniffed; sample: Buffer }> {
  const handle = await open(path, 'r');
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0);
    const read = sample.subarray(0, bytesRead);
    return { kind: sniffBytes(read), sample: read };
  } finally {
    await handle.close();
  }
}

/** What each extension's bytes may be. Excel itself opens HTML and XML saved as .xls. */
const EXPECTED: Record<string, Sniffed[]> = {
  '.xlsx': ['zip'],
  '.xlsm': ['zip'],
  '.xlsb': ['zip'],
  '.ods': ['zip'],
  '.xls': ['ole2', 'xml', 'html'],
  '.fods': ['xml'],
  '.csv': ['text'],
  '.tsv': ['text'],
  '.txt': ['text'],
  '.tab': ['text'],
};

/** Null when the bytes fit the extension; otherwise what they are, for the message. */
export function mismatch(extension: string, kind: Sniffed): Sniffed | null {
  const expected = EXPECTED[extension];
  if (!expected || expected.includes(kind)) return null;
  // An empty text file is an empty table; an empty workbook is no workbook.
  if (kind === 'empty' && expected.includes('text')) return null;
  return kind;
}
