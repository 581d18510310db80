import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCypherFile, statement, statementNames } from '../../main/db/cypher';

const root = join(__dirname, '../..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(name)) out.push(full);
    }
  };
  walk(join(root, dir));
  return out;
}

/** Code that runs Cypher: the product, the benchmarks, the Java launcher and the test support. */
const code = [
  ...filesUnder('main', /\.tsx?$/),
  ...filesUnder('bench', /\.ts$/),
  ...filesUnder('test/support', /\.ts$/),
  ...filesUnder('neo4j/src', /\.java$/),
].map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }));

/** Statement names written in code, as the first argument of a runner. */
const RUNNER_CALL = /\b(?:db\.(?:read|write|runAutoCommit|applySchemaFile)|statement)\(\s*(['"`])([^'"`]*)\1/g;
const STEP_NAME = /\{\s*name:\s*(['"])([a-z-]+\/[a-z0-9/-]+)\1/g;

describe('the Cypher registry', () => {
  it('loads every .cypher file under cypher/', () => {
    const onDisk = filesUnder('cypher', /\.cypher$/)
      .map((f) => relative(join(root, 'cypher'), f).replace(/\.cypher$/, ''))
      .sort();
    expect(statementNames()).toEqual(onDisk);
  });

  it('uses every .cypher file somewhere in the code', () => {
    const all = code.map((c) => c.text).join('\n');
    const unused = statementNames().filter((name) => {
      // Schema files are applied as a folder, in order.
      if (name.startsWith('schema/')) return !all.includes("statementsUnder('schema')");
      return !all.includes(`'${name}'`) && !all.includes(`"${name}"`);
    });
    expect(unused).toEqual([]);
  });

  it('has a file for every statement name the code runs', () => {
    const missing: string[] = [];
    for (const { file, text } of code) {
      for (const match of [...text.matchAll(RUNNER_CALL), ...text.matchAll(STEP_NAME)]) {
        const name = match[2] as string;
        if (!statementNames().includes(name)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('never runs a statement whose name or text is built at run time', () => {
    const offenders: string[] = [];
    // Names are literals; schema files are applied by the names the registry itself lists.
    const dynamicRunner = /\bdb\.(?:read|write|runAutoCommit)\(\s*(?!['"])/g;
    const templated = /\b(?:db\.(?:read|write|runAutoCommit|applySchemaFile)|statement)\(\s*`[^`]*\$\{/g;
    const inlineCypher = /(['"`])\s*(MATCH|MERGE|CREATE|UNWIND|CALL|RETURN|DETACH DELETE)\s[^'"`]*[([]/g;
    for (const { file, text } of code.filter((c) => c.file.endsWith('.ts'))) {
      for (const pattern of [dynamicRunner, templated, inlineCypher]) {
        for (const match of text.matchAll(pattern)) offenders.push(`${file}: ${match[0].slice(0, 60)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads the mode and parameters from the header', () => {
    expect(statement('graph/relationships-among')).toMatchObject({ mode: 'read', params: ['ids', 'limit'] });
    expect(statement('agencies/merge-agency')).toMatchObject({
      mode: 'write',
      params: ['code', 'name', 'country', 'now'],
    });
  });

  it('declares every $parameter a statement uses', () => {
    const undeclared: string[] = [];
    for (const name of statementNames()) {
      const st = statement(name);
      for (const text of st.texts) {
        for (const match of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
          if (!st.params.includes(match[1] as string)) undeclared.push(`${name}: $${match[1]}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('splits a schema file into its statements and keeps other files whole', () => {
    const schema = parseCypherFile(
      'schema/x',
      '// mode: schema\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.a);\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);\n',
    );
    expect(schema.texts).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.a)',
      'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b)',
    ]);
    expect(() => parseCypherFile('x/y', '// mode: read\nRETURN 1;\nRETURN 2')).toThrow(/more than one statement/);
    expect(() => parseCypherFile('x/z', 'RETURN 1')).toThrow(/mode: read\|write\|schema\|system\|autocommit/);
    expect(() => statement('no/such-statement')).toThrow(/No Cypher statement named "no\/such-statement"/);
  });
});
