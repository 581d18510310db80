/**
 * The CSV files Neo4j's offline importer (`neo4j-admin database import full`) reads: one table per
 * kind of node or relationship, each a header file and a data file, written as rows arrive.
 *
 * A property's column and type are taken from the first value seen, as the driver would send it
 * (a whole number as an integer, any other number as a float, a list by its elements). A property
 * that first appears half-way through a table starts a new part of it (a new header and data file
 * with one more column): the importer takes several files per kind, each with its own header, so no
 * row is held back waiting for the full set of columns.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A property type the importer's header names. */
export type CsvType =
  | 'string'
  | 'long'
  | 'double'
  | 'boolean'
  | 'datetime'
  | 'date'
  | 'localdatetime'
  | 'localtime'
  | 'time'
  | 'duration'
  | 'string[]'
  | 'long[]'
  | 'double[]'
  | 'boolean[]';

/** A value whose importer type is given rather than inferred (carried-over temporal values). */
export class Typed {
  constructor(
    readonly type: CsvType,
    readonly value: string | string[],
  ) {}
}

/**
 * Between the elements of a list in one field. A control character no agency's text holds: a list
 * element holding it, or an empty element, cannot be written faithfully and stops the load.
 */
export const ARRAY_DELIMITER = '\u001f';

/**
 * Bytes a table gathers before it writes them. Lines are encoded straight into this buffer and
 * written in one system call when it fills: no string of the whole chunk, no Buffer made per write.
 */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Characters that make a field need quotes (and the array delimiter, tested apart). */
const QUOTE_TRIGGERS = /[",\r\n]|^\s|\s$/;
/** The same, with the array delimiter: one scan of a text field. */
// eslint-disable-next-line no-control-regex -- the array delimiter is a control character by choice
const QUOTE_TRIGGERS_OR_DELIMITER = /[",\r\n\u001f]|^\s|\s$/;

const needsQuotes = (text: string) => QUOTE_TRIGGERS_OR_DELIMITER.test(text);

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * One file of the importer's input: its header and data files, and whether a field spans lines
 * (then the data file holds only such rows; the part's other rows are in a part of the same header).
 */
export interface CsvPart {
  /** Node labels (`A:B`) or the relationship type. */
  labels: string;
  header: string;
  data: string;
  multiline: boolean;
}

interface Column {
  key: string;
  type: CsvType;
}

function inferType(value: unknown, where: () => string): CsvType | 'empty-list' {
  if (value instanceof Typed) return value.type;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'long' : 'double';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'empty-list';
    const types = new Set(value.map((v) => inferType(v, where)));
    const [only] = types;
    if (types.size === 1 && (only === 'string' || only === 'long' || only === 'double' || only === 'boolean'))
      return `${only}[]`;
  }
  throw new Error(`${where()}: a value of a kind the bulk load cannot write (${JSON.stringify(value)?.slice(0, 80)})`);
}

/**
 * A kind of node (by its labels) or relationship (by its type), written to disk as rows come.
 * `fixed` are the importer's own columns (`:ID`, or `:START_ID` and `:END_ID`), given per row.
 */
export class CsvTable {
  readonly parts: CsvPart[] = [];
  /** Properties met as empty lists, which the importer stores as no value; the caller restores them. */
  readonly emptyLists = new Set<string>();
  rows = 0;
  /** The longest line written, in UTF-16 units: the importer's read buffer must hold a whole field. */
  longestLine = 0;
  #columns: Column[] = [];
  #byKey = new Map<string, Column>();
  #fd: number | null = null;
  #part: CsvPart | null = null;
  #buffer: Buffer | null = null;
  #used = 0;
  /** The current part's rows with a field that spans lines, in a file of their own (see #append). */
  #spanningFd: number | null = null;
  /** Whether the line being built holds a line break. */
  #breaks = false;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly labels: string,
    private readonly fixed: string[],
  ) {}

  /**
   * Adds a row: its fixed columns' values and its properties (null and undefined are left out).
   * Written synchronously (see #flush): answers null, or a rejected promise when a value is one
   * the importer cannot take (so most rows make no promise and wait on no turn of the event loop).
   */
  add(fixedValues: string[], props: Record<string, unknown>): Promise<void> | null {
    try {
      return this.#add(fixedValues, props);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #add(fixedValues: string[], props: Record<string, unknown>): null {
    let grown = false;
    for (const key in props) {
      const value = props[key];
      if (value === null || value === undefined) continue;
      const known = this.#byKey.get(key);
      // Most values are texts in a column known as text.
      if (known?.type === 'string' && typeof value === 'string') continue;
      const type = inferType(value, () => `${this.labels}.${key}`);
      if (type === 'empty-list') {
        this.emptyLists.add(key);
        continue;
      }
      if (!known) {
        const column = { key, type };
        this.#columns.push(column);
        this.#byKey.set(key, column);
        grown = true;
      } else if (known.type !== type) {
        throw new Error(`${this.labels}.${key}: the bulk load met it as ${known.type} and as ${type}`);
      }
    }
    if (grown || !this.#part) this.#newPart();
    this.#append(fixedValues, props);
    return null;
  }

  #append(fixedValues: string[], props: Record<string, unknown>): void {
    this.#breaks = false;
    let line = '';
    for (const [i, v] of fixedValues.entries())
      line += i === 0 ? this.#field(v, 'string') : `,${this.#field(v, 'string')}`;
    for (const column of this.#columns) {
      const value = props[column.key];
      line +=
        value === null || value === undefined || (Array.isArray(value) && value.length === 0)
          ? ','
          : `,${this.#field(value, column.type)}`;
    }
    line += '\n';
    if (line.length > this.longestLine) this.longestLine = line.length;
    this.rows += 1;
    // The importer reads a file whose fields may span lines one line at a time, and a plain file
    // in parallel chunks: the few rows with a line break go to a file of their own, so the rest
    // keep the quick path.
    if (this.#breaks) this.#putSpanning(line);
    else this.#put(line);
  }

  #putSpanning(line: string): void {
    const part = this.#part;
    if (!part) throw new Error(`${this.labels}: a row written with no file open`);
    if (this.#spanningFd === null) {
      const spanning: CsvPart = { ...part, data: part.data.replace(/\.csv$/, '-lines.csv'), multiline: true };
      this.#spanningFd = openSync(spanning.data, 'w', 0o600);
      this.parts.push(spanning);
    }
    this.#writeAll(this.#spanningFd, Buffer.from(line, 'utf8'));
  }

  /** Encodes a line into the buffer, writing the buffer first when the line might not fit. */
  #put(line: string): void {
    // A UTF-16 unit is at most three bytes of UTF-8.
    const most = 3 * line.length;
    let buffer = this.#buffer;
    if (!buffer) buffer = this.#buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    if (this.#used + most > buffer.length) {
      this.#flush();
      if (most > buffer.length) {
        this.#writeAll(this.#fd, Buffer.from(line, 'utf8'));
        return;
      }
    }
    this.#used += buffer.write(line, this.#used, 'utf8');
  }

  #field(value: unknown, type: CsvType): string {
    const raw = value instanceof Typed ? value.value : value;
    if (type.endsWith('[]')) {
      const items = (raw as unknown[]).map((item) => {
        const text = String(item);
        if (text === '' || text.includes(ARRAY_DELIMITER))
          throw new Error(
            `${this.labels}: a list holds an empty text or the character U+001F, which the bulk load cannot write`,
          );
        return text;
      });
      return this.#text(items.join(ARRAY_DELIMITER), true);
    }
    if (typeof raw === 'string') return this.#text(raw);
    return String(raw);
  }

  /** A text field; `list` when it is a list's elements joined by the delimiter (which needs no quotes there). */
  #text(text: string, list = false): string {
    // "" is an empty text to the importer; an empty field is no value.
    if (text === '') return '""';
    if (list ? !QUOTE_TRIGGERS.test(text) : !needsQuotes(text)) return text;
    if (text.includes('\n') || text.includes('\r')) this.#breaks = true;
    return quoted(text);
  }

  #newPart(): void {
    this.#closeFile();
    const n = this.parts.filter((p) => !p.multiline).length;
    const part: CsvPart = {
      labels: this.labels,
      header: join(this.dir, `${this.name}-${n}-header.csv`),
      data: join(this.dir, `${this.name}-${n}.csv`),
      multiline: false,
    };
    const header = [...this.fixed, ...this.#columns.map((c) => `${c.key}:${c.type}`)];
    writeFileSync(part.header, `${header.map((h) => (needsQuotes(h) ? quoted(h) : h)).join(',')}\n`, {
      mode: 0o600,
    });
    this.#fd = openSync(part.data, 'w', 0o600);
    this.#part = part;
    this.parts.push(part);
  }

  /**
   * Writes the buffer to the file. Synchronously: the files go to the page cache, one system call
   * a megabyte, and the mapping workers keep working meanwhile; an asynchronous write would only
   * add a turn of the event loop and a copy per chunk.
   */
  #flush(): void {
    if (this.#buffer && this.#used > 0) this.#writeAll(this.#fd, this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  /** Writes all of `bytes` to `fd` (a write may take only part of them). */
  #writeAll(fd: number | null, bytes: Buffer): void {
    if (fd === null) throw new Error(`${this.labels}: a row written with no file open`);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  }

  #closeFile(): void {
    this.#flush();
    for (const fd of [this.#fd, this.#spanningFd]) if (fd !== null) closeSync(fd);
    this.#fd = null;
    this.#spanningFd = null;
  }

  /** Writes what is buffered and closes the current data file. */
  close(): Promise<void> {
    try {
      this.#closeFile();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
