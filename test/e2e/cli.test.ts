import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SCHEMA_VERSION } from '../../main/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProcessEnv } from '../support/testNeo4j';
import { openTestServices } from '../support/services';

// The built CLI, run as a user runs it, against the test run's real Neo4j.
const root = join(__dirname, '../..');
const cli = join(root, 'out/main/cli.js');
const fixtures = join(root, 'fixtures');

describe('the caselink CLI', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-cli-'));
    // The test database, and none of the user's NEO4J_* settings.
    env = testProcessEnv({ CASELINK_HOME: home });
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [cli, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });

  it('starts without loading the database driver, the spreadsheet readers or the chart drawing', async () => {
    // Every command pays for what the built CLI imports before it runs: the libraries a command
    // needs are imported when it runs, so that a usage error or `--help` answers at once.
    const loaded = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      const code = await readFile(file, 'utf8');
      for (const [, from] of code.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?["']([^"']+)["']/gm)) {
        if (!from || loaded.has(from)) continue;
        loaded.add(from);
        if (from.startsWith('.')) await visit(join(dirname(file), from));
      }
    };
    await visit(cli);
    const packages = [...loaded].filter((from) => !from.startsWith('.') && !from.startsWith('node:'));
    expect(packages).toContain('commander');
    for (const heavy of ['neo4j-driver', 'xlsx', 'pdfkit', '@resvg/resvg-js', 'libphonenumber-js', 'graphology'])
      expect(packages.filter((p) => p === heavy || p.startsWith(`${heavy}/`))).toEqual([]);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: caselink');
  });

  it('reports the connected server, schema and graph size as JSON', () => {
    const result = run(['status', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      serverVersion: expect.stringMatching(/^5\.26\./),
      database: 'neo4j',
      local: false,
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('registers and lists agencies', () => {
    expect(run(['agency', 'add', 'nl-kmar', '--name', 'Koninklijke Marechaussee', '--country', 'nl']).stdout).toContain(
      'Agency NL-KMAR: Koninklijke Marechaussee (NL).',
    );
    const listed = JSON.parse(run(['agency', 'list', '--json']).stdout) as { code: string }[];
    expect(listed.map((a) => a.code)).toContain('NL-KMAR');
  });

  it('lists the schema it applied', () => {
    const result = run(['schema']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Schema version ${SCHEMA_VERSION}`);
    expect(result.stdout).toMatch(/phone_e164\s+UNIQUENESS Phone\(e164\)/);
  });

  it('says where the local database is when none runs, with exit code 3', () => {
    const result = run(['db', 'status'], { NEO4J_URI: '' });
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('Local Neo4j is not running.');
    expect(result.stdout).toContain(`Home: ${home}`);
  });

  it('names the problem and what to do when the server refuses the password', () => {
    const result = run(['status'], { NEO4J_PASSWORD: 'wrong-password' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refused the user name or password');
    expect(result.stderr).toContain('NEO4J_PASSWORD');
  });

  it('serves the app and prints its address, then stops on Ctrl+C', async () => {
    const child = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    const page = await fetch(url.replace(/#.*/, ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  describe('telling the truth', () => {
    // The sample agencies, imported by `caselink demo` (which also saves their profiles).
    beforeAll(async () => {
      const services = await openTestServices();
      await services.close();
      const child = spawn(process.execPath, [cli, 'demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        child.on('exit', (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
        child.stdout.on('data', () => {
          if (/Press Ctrl\+C to stop/.test(output)) resolve();
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited, output).toBe(0);
      expect(output).toContain('Saved the sample mappings for the next imports');
    }, 300_000);

    it('refuses a bad option value with a clear message and status 2, before any work', () => {
      const country = run(['agency', 'add', 'ZZ-TEST', '--name', 'Nowhere', '--country', 'ZZ']);
      expect(country.status).toBe(2);
      expect(country.stderr).toContain('"ZZ" is not a country');
      expect(run(['agency', 'list']).stdout).not.toContain('ZZ-TEST');

      const kind = run(['links', '--kind', 'phones']);
      expect(kind.status).toBe(2);
      expect(kind.stderr).toContain("argument 'phones' is invalid. Choose one of: phone, email");

      const limit = run(['identifiers', '--limit', 'abc']);
      expect(limit.status).toBe(2);
      expect(limit.stderr).toContain("argument 'abc' is invalid. Give a whole number from 1 to 100,000.");
      expect(limit.stderr).not.toContain('NaN');

      expect(run(['matches', '--min-score', '2']).status).toBe(2);
      expect(run(['normalize', 'phone', '--country', 'Atlantis', '07911 123456']).status).toBe(2);
      expect(run(['profile', 'preview', '--profile', 'x.json', '--rows', '-3', 'x.csv']).status).toBe(2);
      expect(run(['no-such-command']).status).toBe(2);

      const neither = run(['export', '--format', 'pdf', '-o', join(home, 'chart.pdf')]);
      expect(neither.stderr).toBe('caselink: Give --chart FILE or --seed VALUE.\n');
      expect(neither.status).toBe(2);
      // The decision that reopens a pair is the word "reopen".
      expect(run(['match', '--help']).stdout).toContain('confirm or reject a same-person candidate, or reopen it');
    });

    it('checks the file, its format and the agency before looking for a profile', async () => {
      const missing = run(['import', '--agency', 'NOPE', join(home, 'missing.csv')]);
      expect(missing.stderr).toContain('missing.csv: no such file.');
      expect(missing.status).toBe(1);

      const pdf = join(home, 'report.pdf');
      await writeFile(pdf, '%PDF-1.4\n');
      const format = run(['import', '--agency', 'NOPE', pdf]);
      expect(format.stderr).toContain('Caselink does not read .pdf files.');
      expect(format.status).toBe(1);

      const disguised = join(home, 'case-log.xlsx');
      await writeFile(disguised, 'Case No,Name\n1,Anna\n');
      const content = run(['import', '--agency', 'NOPE', disguised]);
      expect(content.stderr).toContain(
        'case-log.xlsx: is named .xlsx but its content is plain text, not a .xlsx workbook.',
      );
      expect(content.status).toBe(1);

      const csv = join(home, 'tips.csv');
      await writeFile(csv, 'Tip No,Phone\n1,07911 123456\n');
      const agency = run(['import', '--agency', 'NOPE', csv]);
      expect(agency.stderr).toContain('The agency NOPE is not registered.');
      expect(agency.status).toBe(4);

      expect(run(['agency', 'add', 'NO-PROFILE', '--name', 'No profile', '--country', 'GB']).status).toBe(0);
      const profile = run(['import', '--agency', 'NO-PROFILE', csv]);
      expect(profile.stderr).toContain('No mapping profile for NO-PROFILE.');
      expect(profile.status).toBe(4);
      // A registered agency with no profile saved is no error.
      const none = run(['profile', 'list', '--agency', 'NO-PROFILE']);
      expect([none.stdout, none.stderr, none.status]).toEqual(['No saved profiles.\n', '', 0]);
    });

    it("imports an agency's file right after the demo, with the sample profile it saved", () => {
      const result = run(['import', '--agency', 'NGO', join(fixtures, 'ngo/hotline-tips.ods')]);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Mapping "Hotline tips (free text)"');
      expect(result.stdout).toContain(
        '= hotline-tips.ods (NGO): already imported with this mapping (same SHA-256); nothing changed.',
      );
      expect(result.status).toBe(0);
      expect(run(['profile', 'list', '--agency', 'CITY-POL']).stdout.trim().split('\n')).toHaveLength(2);

      const other = run([
        'import',
        '--agency',
        'NGO',
        '--profile',
        join(fixtures, 'profiles/labour.json'),
        join(fixtures, 'ngo/hotline-tips.ods'),
      ]);
      expect(other.stderr).toContain('is for LABOUR, not NGO.\nGive a profile of NGO, or import the files as');
      expect(other.status).toBe(2);
      const folder = run(['import', '--agency', 'NGO', fixtures]);
      expect(folder.stderr).toBe(
        `caselink: ${fixtures} is a folder, not a file.\nName the files in it, e.g. "folder/*.xlsx".\n`,
      );
      expect(folder.status).toBe(1);
    });

    it("reports a file that gives none of the mapping's columns as not imported, never as a success of 0 rows", async () => {
      // An agency of its own: the files below leave a source of no rows, which other tests would count.
      expect(run(['agency', 'add', 'TXT-TEST', '--name', 'Text files', '--country', 'GB']).status).toBe(0);
      const ngo = JSON.parse(await readFile(join(fixtures, 'profiles/ngo.json'), 'utf8')) as object;
      const profile = join(home, 'txt-test.json');
      await writeFile(profile, JSON.stringify({ ...ngo, agency: 'TXT-TEST' }));
      const importing = (file: string) => run(['import', '--agency', 'TXT-TEST', '--profile', profile, file]);

      const notes = join(home, 'call-notes.txt');
      await writeFile(notes, 'Called back twice, no answer.\nLeft a message.\n');
      const refused = importing(notes);
      expect(refused.stdout).not.toContain('✓');
      expect(refused.stdout).toContain(
        `✗ ${notes}: nothing imported: sheet Sheet1: none of the profile's columns is in this sheet (the profile expects "Tip No", `,
      );
      expect(refused.stdout).toContain(`  Check that this is TXT-TEST's file and that the mapping reads it:`);
      expect(refused.status).toBe(1);
      expect(importing(notes).stdout).toContain(
        '= call-notes.txt (TXT-TEST): already imported with this mapping (same SHA-256), and nothing was imported from it; nothing changed.',
      );

      const empty = join(home, 'empty.txt');
      await writeFile(empty, '');
      const nothing = importing(empty);
      expect(nothing.stdout).toContain(`✗ ${empty}: nothing imported: it holds no row to read.`);
      expect(nothing.status).toBe(1);

      // The mapping's header with no row under it (a quiet month's export) is warned about.
      const quiet = join(home, 'quiet-month.csv');
      await writeFile(quiet, 'Tip No,Date Received,Caller Name,Subject Name,Location,Tip Details,Action Taken\n');
      const warned = importing(quiet);
      expect(warned.stdout).toContain('⚠ quiet-month.csv (TXT-TEST): nothing imported: no row below the header.');
      expect(warned.stdout).not.toContain('✓');
      expect(warned.status).toBe(0);

      // Rows under the header, each naming nothing to link: every one rejected is no success either.
      const voided = join(home, 'voided.csv');
      await writeFile(
        voided,
        'Tip No,Date Received,Caller Name,Subject Name,Location,Tip Details,Action Taken\n' +
          ',,,,,Record voided,\n,,,,,tbc,\n',
      );
      const allRejected = importing(voided);
      expect(allRejected.stdout).not.toContain('✓');
      expect(allRejected.stdout).toContain(`✗ ${voided}: nothing imported: every row was rejected, 2 of them.`);
      expect(allRejected.stdout).toContain(
        '  rejected Sheet1 row 2: nothing to import: no case or record reference, name or identifier',
      );
      expect(allRejected.status).toBe(1);
    });

    it('says which ids it does not know, with status 4', () => {
      const explain = run(['explain', 'nope1', 'nope2']);
      expect(explain.stderr).toContain('No record nope1 and no record nope2 in the graph.');
      expect(explain.stdout).not.toContain('share no identifier');
      expect(explain.status).toBe(4);

      const linked = run(['linked-cases', '--agency', 'NGO', '--case', 'NOPE']);
      expect(linked.stderr).toContain('No case NOPE of NGO in the graph.');
      expect(linked.status).toBe(4);

      // Known records still answer.
      const [link] = JSON.parse(run(['links', '--limit', '1', '--json']).stdout) as { sides: { record: string }[] }[];
      const [a, b] = link?.sides ?? [];
      const known = run(['explain', a?.record ?? '', b?.record ?? '']);
      expect(known.status).toBe(0);
      expect(known.stdout).not.toContain('share no identifier');
    });

    it('normalises as the import stores, and hub takes the key identifiers prints', () => {
      const phone = run(['normalize', 'phone', '--country', 'GB', '07911 123456']);
      expect(phone.stdout).toBe('07911 123456\tphone +447911123456  [+44 7911 123456]\n');

      // A document and a vehicle the sample agencies share: normalising the raw text an agency
      // wrote gives the key the graph stores.
      const links = JSON.parse(run(['links', '--limit', '100000', '--include-hubs', '--json']).stdout) as {
        label: string;
        key: string;
        sides: { raw: string; agency: string }[];
      }[];
      for (const label of ['Document', 'Vehicle']) {
        const link = links.find((l) => l.label === label && l.sides.some((s) => s.agency !== 'RO-POL'));
        expect(link, `a shared ${label}`).toBeDefined();
        const side = link?.sides.find((s) => s.agency !== 'RO-POL');
        const printed = run(['normalize', label.toLowerCase(), '--country', 'GB', side?.raw ?? '']).stdout;
        expect(printed).toContain(`\t${label.toLowerCase()} ${link?.key} (`);
      }

      const first = run(['identifiers', '--limit', '1']).stdout;
      const [, kind, key] = /^(\w+) (\S+)/.exec(first) ?? [];
      const hub = run(['hub', 'auto', kind ?? '', (key ?? '').replace(/^'|'$/g, '')]);
      expect(hub.stderr).toBe('');
      expect(hub.status).toBe(0);
      // The key as stored is looked up first: the value is not read, so neither is the card-hash
      // key (in a home that has none, none is made).
      const keyless = mkdtempSync(join(tmpdir(), 'caselink-cli-hub-'));
      try {
        const typed = run(['hub', 'auto', kind ?? '', (key ?? '').replace(/^'|'$/g, '')], {
          CASELINK_HOME: keyless,
          CASELINK_CARD_KEY: '',
        });
        expect(typed.status, typed.stderr).toBe(0);
        expect(existsSync(join(keyless, 'keys', 'card-hash.key'))).toBe(false);
      } finally {
        rmSync(keyless, { recursive: true, force: true });
      }
      // The value as people write it finds it too.
      const [top] = JSON.parse(run(['identifiers', '--limit', '1', '--json']).stdout) as { display: string }[];
      expect(run(['hub', 'auto', kind ?? '', top?.display ?? '']).status).toBe(0);
    });

    it('prints plain counts: plurals, thousands, no empty progress, no stack trace into a closed pipe', () => {
      const agencies = run(['agency', 'list']).stdout;
      expect(agencies).toMatch(/^NGO .*\(1 source, \d+ records\)$/m);
      expect(agencies).not.toMatch(/\b1 sources\b/);
      expect(run(['stats']).stdout).toMatch(/HAS_ROW\s+\d{1,3},\d{3}/);
      expect(run(['status']).stdout).toMatch(/; \d{1,3}(,\d{3})+ nodes, \d{1,3}(,\d{3})+ relationships\.$/m);

      const again = run(['import', '--agency', 'NGO', join(fixtures, 'ngo/hotline-tips.ods')]);
      expect(again.stderr).not.toContain('0 rows read');

      const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" identifiers --limit 5000 | head -1`], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(piped.stderr).toBe('');
    });

    it('says plainly that a file imported with another mapping becomes a second source', async () => {
      const profile = JSON.parse(await readFile(join(fixtures, 'profiles/ngo.json'), 'utf8')) as { name: string };
      const changed = join(home, 'ngo-changed.json');
      await writeFile(changed, JSON.stringify({ ...profile, name: 'Hotline tips, second look' }));
      const before = run(['agency', 'list', '--json']).stdout;
      const result = run(['import', '--agency', 'NGO', '--profile', changed, join(fixtures, 'ngo/hotline-tips.ods')]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(
        /hotline-tips\.ods was imported before with another mapping \(on \d{4}-\d{2}-\d{2}, mapping "Hotline tips \(free text\)"\)\. Importing it with this mapping adds a second source of the same file: rows already in the graph are kept as the earlier mapping read them/,
      );
      // What it said: a second source, and no record added.
      expect(result.stdout).toContain('0 new records');
      const ngo = (text: string) =>
        (JSON.parse(text) as { code: string; sources: number; records: number }[]).find((a) => a.code === 'NGO');
      expect(ngo(run(['agency', 'list', '--json']).stdout)).toEqual({
        ...ngo(before),
        sources: (ngo(before)?.sources ?? 0) + 1,
      });
      expect(result.stderr).not.toContain('about 0 s left');
    });

    it('gives a fixed model value back to the estimate with "auto"', () => {
      const fixed = run(['model', 'set', 'name', 'exact', '--m', '0.8']);
      expect(fixed.stdout).toContain('name exact: m 0.8000 (fixed)');
      const auto = run(['model', 'set', 'name', 'exact', '--m', 'auto']);
      expect(auto.stderr).toBe('');
      expect(auto.status).toBe(0);
      expect(auto.stdout).toMatch(/^name exact: m \S+, u \S+; run "caselink resolve" to apply\.\n$/);
    });

    it('proposes a profile for the sheets named, with the file after them as the README writes it', () => {
      const workbook = join(fixtures, 'city-pol/case-log.xlsx');
      const propose = (...sheets: string[]) =>
        run([
          'profile',
          'propose',
          '--agency',
          'CITY-POL',
          '--country',
          'GB',
          ...sheets.flatMap((sheet) => ['--sheet', sheet]),
          workbook,
        ]);
      const one = propose('Contacts');
      expect(one.stderr).toBe('');
      expect(one.status).toBe(0);
      expect(one.stdout.match(/^Sheet .*$/gm)).toEqual(['Sheet Contacts, header on row 1.']);
      const both = propose('Persons', 'Contacts');
      expect(both.stdout.match(/^Sheet \w+/gm)).toEqual(['Sheet Persons', 'Sheet Contacts']);
    });

    it("proposes with the agency's registered country when --country is left out, and refuses an agency not registered", () => {
      const workbook = join(fixtures, 'ro-pol/persoane.xlsx');
      const proposed = run(['profile', 'propose', '--agency', 'RO-POL', workbook]);
      expect(proposed.stderr).toBe('');
      expect(proposed.status).toBe(0);
      expect(proposed.stdout).toMatch(/^ {2}"country": "RO",$/m);
      const unknown = run(['profile', 'propose', '--agency', 'NOT-REGISTERED', workbook]);
      expect(unknown.status).toBe(4);
      expect(unknown.stderr).toContain('The agency NOT-REGISTERED is not registered.');
      expect(unknown.stderr).toContain('caselink agency add NOT-REGISTERED');
    });

    it('takes a node reference with its key as written or escaped, and says when a node is not there', () => {
      const [phone] = JSON.parse(run(['links', '--kind', 'phone', '--limit', '1', '--json']).stdout) as {
        key: string;
      }[];
      const key = phone?.key ?? '';
      expect(key).toMatch(/^\+/);
      const escaped = run(['details', `phone:${encodeURIComponent(key)}`]);
      expect(escaped.status).toBe(0);
      for (const args of [['details'], ['expand'], ['path', `phone:${encodeURIComponent(key)}`]]) {
        const typed = run([...args, `phone:${key}`]);
        expect(typed.stderr, args.join(' ')).toBe('');
        expect(typed.status).toBe(0);
      }
      expect(run(['details', `phone:${key}`]).stdout).toBe(escaped.stdout);
      const exported = run([
        'export',
        '--seed',
        `phone:${key}`,
        '--format',
        'json',
        '-o',
        join(home, 'typed.caselink.json'),
      ]);
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);

      const oneGone = run(['expand', `phone:${key}`, 'phone:%2B449999999990']);
      expect(oneGone.stdout).toContain(
        'Note: 1 of the nodes asked for is no longer in the graph: phone:%2B449999999990',
      );
      expect(oneGone.status).toBe(0);

      const missing = run(['expand', 'phone:%2B449999999990']);
      expect(missing.stderr).toContain('phone:%2B449999999990 is not in the graph.');
      expect(missing.status).toBe(4);

      // A seed is a node named on the command line too: the same words and status, nothing written.
      const out = join(home, 'gone.caselink.json');
      for (const seed of ['phone:%2B449999999990', 'phone:+449999999990']) {
        const gone = run(['export', '--seed', seed, '--format', 'json', '-o', out]);
        expect(gone.stderr, seed).toBe(
          'caselink: phone:%2B449999999990 is not in the graph.\nNode references are printed by "caselink search".\n',
        );
        expect(gone.status).toBe(4);
      }
      expect(existsSync(out)).toBe(false);
    });

    it('names an agency that is not registered, with status 4', () => {
      for (const args of [
        ['links', '--agency', 'NOPE'],
        ['expand', 'phone:%2B449999999990', '--agency', 'NOPE'],
        ['confirm-matches', '--min-score', '0.99', '--agencies', 'NOPE,BORDER'],
        ['profile', 'list', '--agency', 'NOPE'],
      ]) {
        const result = run(args);
        expect(result.stderr, args.join(' ')).toContain('The agency NOPE is not registered.');
        expect(result.status).toBe(4);
      }
    });

    it('says in one plain sentence which file or folder is not there, with no system error code', async () => {
      const folder = join(home, 'no-such-folder');
      const csv = run(['audit', '--csv', join(folder, 'audit.csv')]);
      expect(csv.stderr).toBe(
        `caselink: ${join(folder, 'audit.csv')}: no such file or folder.\nCheck the path, and that its folder exists.\n`,
      );
      expect(csv.status).toBe(1);

      const [link] = JSON.parse(run(['links', '--limit', '1', '--json']).stdout) as { label: string; key: string }[];
      const seed = `${link?.label.toLowerCase()}:${encodeURIComponent(link?.key ?? '')}`;
      const pdf = run(['export', '--seed', seed, '--format', 'pdf', '-o', join(folder, 'chart.pdf')]);
      expect(pdf.stderr).toBe(
        `caselink: ${join(folder, 'chart.pdf')}: no such file or folder.\nCheck the path, and that its folder exists.\n`,
      );
      expect(pdf.stderr).not.toMatch(/ENOENT|ENOTDIR|Error:|\n\s+at /);

      const notes = join(home, 'notes.txt');
      await writeFile(notes, 'just text\n');
      const csvFile = join(home, 'tips.csv');
      await writeFile(csvFile, 'Tip No,Phone\n1,07911 123456\n');
      for (const [profile, said] of [
        [join(folder, 'ngo.json'), `${join(folder, 'ngo.json')}: no such file or folder.`],
        [notes, `${notes} is not JSON:`],
      ] as const) {
        const result = run(['import', '--agency', 'NGO', '--profile', profile, csvFile]);
        expect(result.stderr).toContain(said);
        expect(result.stderr).not.toMatch(/ENOENT|\n"/);
      }
      const chart = run([
        'export',
        '--chart',
        join(folder, 'chart.caselink.json'),
        '--format',
        'pdf',
        '-o',
        join(home, 'c.pdf'),
      ]);
      expect(chart.stderr).toContain(`${join(folder, 'chart.caselink.json')}: no such file or folder.`);
      expect(chart.status).toBe(1);
    });
  });
});
