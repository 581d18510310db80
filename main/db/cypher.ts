/**
 * The Cypher registry: every statement Caselink runs is a `.cypher` file under `cypher/`, bundled
 * at build time and run by name with parameters. A name that has no file is a programming error
 * and fails at once; nothing here ever concatenates query text.
 *
 * Each file starts with `//` header lines; `// mode: read`, `// mode: write`, `// mode: schema`
 * or `// mode: system` says how it runs. Schema files may hold several statements, each ending
 * with `;` at the end of a line; every other file holds exactly one.
 */

/**
 * read / write: a managed, retried transaction. schema: several statements, each its own
 * transaction. system: run by the local database's launcher. autocommit: a statement that
 * manages its own transactions (CALL … IN TRANSACTIONS) and so cannot run inside one.
 */
export type CypherMode = 'read' | 'write' | 'schema' | 'system' | 'autocommit';

export interface CypherStatement {
  /** The path under `cypher/` without `.cypher`, e.g. `graph/overview-nodes`. */
  name: string;
  mode: CypherMode;
  /** The statements of the file, comments removed; one except for schema files. */
  texts: string[];
  /** Parameter names declared in the header (`// params: $a, $b`), for checks and docs. */
  params: string[];
}

const sources = import.meta.glob('../../cypher/**/*.cypher', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const MODES: readonly CypherMode[] = ['read', 'write', 'schema', 'system', 'autocommit'];

/** Parses one `.cypher` file's text. Exported for tests. */
export function parseCypherFile(name: string, source: string): CypherStatement {
  const header: string[] = [];
  const body: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) {
      if (body.length === 0) header.push(trimmed.slice(2).trim());
      continue;
    }
    body.push(line);
  }
  const modeLine = header.find((h) => h.startsWith('mode:'));
  const mode = modeLine?.slice('mode:'.length).trim().split(/\s/)[0] as CypherMode | undefined;
  if (!mode || !MODES.includes(mode)) {
    throw new Error(`cypher/${name}.cypher: the header needs "// mode: read|write|schema|system|autocommit"`);
  }
  const paramsLine = header.find((h) => h.startsWith('params:'));
  const params = (paramsLine?.slice('params:'.length) ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith('$'))
    .map((p) => p.slice(1));

  const text = body.join('\n').trim();
  const texts =
    mode === 'schema'
      ? text
          .split(/;\s*$/m)
          .map((t) => t.trim())
          .filter((t) => t.length > 0)
      : [text.replace(/;\s*$/, '')];
  if (texts.length === 0 || texts[0] === '') {
    throw new Error(`cypher/${name}.cypher holds no statement`);
  }
  if (mode !== 'schema' && /;\s*\S/.test(texts[0] ?? '')) {
    throw new Error(`cypher/${name}.cypher holds more than one statement`);
  }
  return { name, mode, texts, params };
}

function nameOf(path: string): string {
  const marker = '/cypher/';
  return path.slice(path.lastIndexOf(marker) + marker.length).replace(/\.cypher$/, '');
}

const registry = new Map<string, CypherStatement>(
  Object.entries(sources).map(([path, source]) => {
    const name = nameOf(path);
    return [name, parseCypherFile(name, source)];
  }),
);

/** Every statement name, for tests that check each file is used and each has a test. */
export function statementNames(): string[] {
  return [...registry.keys()].sort();
}

/** The statement called `name`; throws for an unknown name. */
export function statement(name: string): CypherStatement {
  const found = registry.get(name);
  if (!found) throw new Error(`No Cypher statement named "${name}" under cypher/`);
  return found;
}

/** Statements whose name starts with `prefix/`, sorted by name (schema files apply in order). */
export function statementsUnder(prefix: string): CypherStatement[] {
  return statementNames()
    .filter((n) => n.startsWith(`${prefix}/`))
    .map((n) => statement(n));
}
