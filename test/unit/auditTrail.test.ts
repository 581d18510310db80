import neo4j from 'neo4j-driver';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEventDto } from '../../main/contract/auditTypes';
import { auditCsv, auditNow, toAuditEvent } from '../../main/services/auditService';

const cypherDir = join(__dirname, '../../cypher');

function cypherFiles(dir = cypherDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? cypherFiles(full) : name.endsWith('.cypher') ? [full] : [];
  });
}

/** The statement without its comment lines. */
function body(file: string): string {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}

/**
 * What a statement does to audit events other than create them: a MATCH that binds an event and
 * then changes or removes it, or a MERGE whose ON MATCH would change an existing one.
 */
function changesToEvents(text: string): string[] {
  const found: string[] = [];
  const variables = [...text.matchAll(/\(\s*(\w+)\s*:\s*AuditEvent\b/g)].map((m) => m[1] as string);
  // Reading events is fine; a statement that finds existing events must not also write.
  if (/\bMATCH\s*\(\s*\w*\s*:\s*AuditEvent\b/.test(text) && /\b(SET|DELETE|REMOVE|MERGE|CREATE)\b/.test(text))
    found.push('matches an AuditEvent and writes');
  if (/\bON\s+MATCH\b/.test(text) && variables.length > 0) found.push('ON MATCH on an AuditEvent');
  for (const v of variables) {
    // Every SET clause that touches the event must be the ON CREATE of its MERGE.
    for (const set of text.matchAll(
      /\bSET\b([^]*?)(?=\b(?:MERGE|MATCH|OPTIONAL|WITH|RETURN|ON|CREATE|DELETE|DETACH|REMOVE|UNWIND|FOREACH|CALL)\b|$)/g,
    )) {
      const touches = new RegExp(`(^|[\\s,])${v}\\s*(\\.\\w+\\s*=|\\+=|=|:)`).test(set[1] as string);
      if (touches && !/ON\s+CREATE\s*$/.test(text.slice(0, set.index))) found.push(`SET ${v} outside ON CREATE`);
    }
    if (new RegExp(`\\b(DETACH\\s+)?DELETE\\b[^\\n]*\\b${v}\\b|\\bREMOVE\\s+${v}\\.`).test(text))
      found.push(`DELETE/REMOVE ${v}`);
  }
  return found;
}

describe('the audit trail', () => {
  it('is append-only: no Cypher file but the test-graph wipes changes or deletes an AuditEvent', () => {
    const offenders = cypherFiles()
      .map((file) => ({ file: relative(cypherDir, file), text: body(file) }))
      // The test-graph wipes under admin/ clear everything, events included, between test files.
      .filter(({ file }) => !file.startsWith('admin/'))
      .flatMap(({ file, text }) => changesToEvents(text).map((problem) => `${file}: ${problem}`));
    expect(offenders).toEqual([]);
    // The check itself finds what it is there to find.
    expect(changesToEvents('MATCH (e:AuditEvent {id: $id}) SET e.outcome = $o')).not.toEqual([]);
    expect(changesToEvents('MATCH (e:AuditEvent) DETACH DELETE e')).not.toEqual([]);
    expect(changesToEvents('MERGE (e:AuditEvent {id: $id}) ON MATCH SET e.at = 1')).not.toEqual([]);
    expect(changesToEvents('MERGE (e:AuditEvent {id: $id})\nON CREATE SET e += $event, e.at = 1')).toEqual([]);
  });

  it('gives each event a later time than the one before, to the microsecond', () => {
    const times = Array.from({ length: 1000 }, () => auditNow());
    expect(times.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(t))).toBe(true);
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] as string))).toBe(true);
  });

  it('lists every time read back from Neo4j with six digits of the second, as it was written', () => {
    // Neo4j prints a datetime without its trailing zeros: .113270 comes back as ".11327".
    const read = (nanos: number) =>
      toAuditEvent({ id: 'e', at: new neo4j.types.DateTime(2026, 11, 30, 11, 48, 3, nanos, 0), kind: 'import' }).at;
    expect([read(113_270_000), read(0), read(5_000), read(999_999_000)]).toEqual([
      '2026-11-30T11:48:03.113270Z',
      '2026-11-30T11:48:03.000000Z',
      '2026-11-30T11:48:03.000005Z',
      '2026-11-30T11:48:03.999999Z',
    ]);
  });

  it('exports CSV that no spreadsheet locale splits or runs as a formula', () => {
    const event: AuditEventDto = toAuditEvent({
      id: 'e1',
      at: '2026-11-29T10:00:00.000001Z',
      kind: 'import',
      action: 'import NGO a;b,"c".csv',
      outcome: 'failure',
      osUser: '=HYPERLINK("http://x")',
      dbUser: 'neo4j',
      host: ' +cmd',
      app: 'cli',
      message: '@SUM(1)',
      details: JSON.stringify({ rows: 3, note: '-2+3' }),
    });
    expect(auditCsv([event]).split('\r\n')).toEqual([
      '"at","kind","action","outcome","osUser","dbUser","host","app","message","details","id"',
      '"2026-11-29T10:00:00.000001Z","import","import NGO a;b,""c"".csv","failure","\'=HYPERLINK(""http://x"")","neo4j","\' +cmd","cli","\'@SUM(1)","{""note"":""-2+3"",""rows"":3}","e1"',
      '',
    ]);
  });
});
