/**
 * `caselink import`, `caselink stats` and `caselink profile …`.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { caselinkHome } from '../config/settings';
import type { Profile } from '../core/profile';
import type { MappedRow } from '../core/rowMapper';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import type { ImportProgress, ImportSummary } from '../services/import/importFile';
import type { FileOutcome, FileToImport } from '../services/import/importMany';
import { nothingImported } from '../services/import/nothingImported';
import { formatNumber, formatSeconds, plural } from './format';
import { checkAgency, checkFiles, chooseProfile } from './importChecks';
import { agencyCode, country, EXIT, integerIn, nonEmpty, repeatable } from './options';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

/**
 * Progress on stderr: one line rewritten in place on a terminal, a line every 5 s otherwise. A
 * file skipped before any row was read (imported before) shows no progress: its summary says so.
 */
function progressPrinter(): (p: ImportProgress & { fileIndex: number; fileCount: number }) => void {
  let last = 0;
  let shown = false;
  const tty = process.stderr.isTTY;
  return (p) => {
    const now = Date.now();
    if (p.phase !== 'done' && now - last < (tty ? 250 : 5000)) return;
    if (p.rowsRead === 0 && p.rowsWritten === 0) {
      if (p.phase === 'done' && shown && tty) process.stderr.write('\r\x1b[K');
      if (p.phase === 'done') shown = false;
      return;
    }
    last = now;
    // An estimate under a second is noise, and at the end there is nothing left to estimate.
    const left =
      p.phase !== 'done' && p.secondsLeft !== null && p.secondsLeft >= 1
        ? `, about ${formatSeconds(p.secondsLeft)} left`
        : '';
    const speed = p.rowsPerSecond > 0 ? `, ${formatNumber(p.rowsPerSecond)} rows/s` : '';
    const line = `[${p.fileIndex + 1}/${p.fileCount}] ${p.file}: ${p.phase}, ${plural(p.rowsRead, 'row')} read, ${formatNumber(p.rowsWritten)} written${speed}${left}`;
    shown = p.phase !== 'done';
    process.stderr.write(tty ? `\r\x1b[K${line}${p.phase === 'done' ? '\n' : ''}` : `${line}\n`);
  };
}

function printSummary(out: Out, outcome: FileOutcome): void {
  if (!outcome.ok) {
    // Errors about a file usually start with its name already; the path is said once.
    const name = `${basename(outcome.path)}: `;
    const message = outcome.error.message.startsWith(name)
      ? outcome.error.message.slice(name.length)
      : outcome.error.message;
    out(`✗ ${outcome.path}: ${message}`);
    if (outcome.error.hint) out(`  ${outcome.error.hint}`);
    return;
  }
  const s: ImportSummary = outcome.summary;
  const reported = () => {
    if (s.reportPath) out(`  ${plural(s.problemCount, 'problem')} listed in ${s.reportPath}`);
  };
  if (s.outcome === 'unchanged') {
    // A file that gave no row is still recorded as read with this mapping: said as it was.
    const none = s.rowsRead === 0 ? ', and nothing was imported from it' : '';
    out(`= ${s.file} (${s.agency}): already imported with this mapping (same SHA-256)${none}; nothing changed.`);
    return;
  }
  const nothing = nothingImported(s);
  if (nothing?.refused) {
    out(`✗ ${outcome.path}: nothing imported: ${nothing.why}.`);
    if (s.rowsRead > 0) printRejections(out, s);
    out(
      `  Check that this is ${s.agency}'s file and that the mapping reads it: caselink profile preview --profile FILE ${outcome.path}`,
    );
    return reported();
  }
  if (nothing) {
    const blank = s.blankRows ? ` (${plural(s.blankRows, 'blank row')})` : '';
    out(`⚠ ${s.file} (${s.agency}): nothing imported: ${nothing.why}${blank}.`);
    return reported();
  }
  out(
    `✓ ${s.file} (${s.agency}): ${plural(s.rowsRead, 'row')} read, ${formatNumber(s.rowsImported)} imported (${formatNumber(s.rowsWithWarnings)} with warnings), ${formatNumber(s.rowsRejected)} rejected, ${formatNumber(s.blankRows)} blank, ${formatNumber(s.duplicateRows)} duplicate; ${plural(s.newRecords, 'new record')}; ${formatSeconds(s.seconds)}.`,
  );
  for (const sheet of s.sheets) {
    if (sheet.missingColumns.length)
      out(`  sheet ${sheet.name}: columns not found: ${sheet.missingColumns.join(', ')}`);
  }
  printRejections(out, s);
  reported();
}

/** The first rows rejected, with why (the report lists them all). */
function printRejections(out: Out, s: ImportSummary): void {
  for (const p of s.problems.filter((x) => x.severity === 'rejected').slice(0, 5)) {
    out(`  rejected ${p.sheet} row ${p.row ?? '-'}: ${p.reason}`);
  }
}

/** A file not imported: refused, or read and found to give none of the profile's columns. */
const failed = (o: FileOutcome): boolean => !o.ok || nothingImported(o.summary)?.refused === true;

function describeRow(row: MappedRow): string {
  const parties = row.parties
    .map((p) => `${p.role} ${p.name ?? '?'}${p.birthDate ? ` (${p.birthDate})` : ''}`)
    .join('; ');
  const ids = row.identifiers.map((i) => `${i.kind} ${i.display}`).join(', ');
  const warn = row.warnings.length ? ` ⚠ ${row.warnings.map((w) => `${w.column}: ${w.reason}`).join('; ')}` : '';
  if (row.rejected) return `row ${row.row}: REJECTED — ${row.rejected}`;
  return `row ${row.row}: case ${row.caseRef ?? '-'} | ${parties || 'no party'} | ${ids || 'no identifier'}${warn}`;
}

/** Imports a manifest's files and prints a line per file; a file imported before changes nothing. */
export async function importManifest(db: Connection['db'], path: string, out: Out): Promise<FileOutcome[]> {
  const { importMany } = await import('../services/import/importMany');
  const { cardHasher, loadManifest } = await import('../services/import/profiles');
  const home = caselinkHome();
  const manifest = await loadManifest(path);
  const outcomes = await importMany(db, manifest.files, {
    agencies: manifest.agencies,
    reportDir: resolve(home, 'reports'),
    cardHash: await cardHasher(home),
    onProgress: progressPrinter(),
  });
  outcomes.forEach((o) => printSummary(out, o));
  return outcomes;
}

/**
 * Keeps the profiles of a manifest as their agencies' saved profiles, so that the next
 * `caselink import --agency CODE FILE` of those agencies works without --profile. An agency that
 * has saved profiles already keeps them: the user's own edits are never overwritten.
 */
export async function saveSampleProfiles(db: Connection['db'], path: string, out: Out): Promise<void> {
  const { loadManifest, saveProfile, savedProfiles } = await import('../services/import/profiles');
  const home = caselinkHome();
  const manifest = await loadManifest(path);
  const had = new Set((await savedProfiles(home)).map((s) => s.profile.agency));
  const saved: string[] = [];
  for (const file of manifest.files) {
    if (had.has(file.agency)) continue;
    await saveProfile(home, file.profile, { db, name: basename(file.profileSource, '.json') });
    saved.push(`${file.agency} "${file.profile.name}"`);
  }
  if (saved.length) out(`Saved the sample mappings for the next imports: ${saved.join(', ')}.`);
}

/**
 * Below this many bytes of files, the transactional path is the quicker one: stopping, loading and
 * starting the local database costs some 20 to 60 seconds whatever the size.
 */
const BULK_AUTO_BYTES = 16 * 1024 * 1024;

/**
 * Whether to import through the bulk first load, and the sentence that says so; null for the
 * transactional path. Throws when --bulk is asked of a database that cannot take it.
 */
async function chooseBulk(
  connection: Connection,
  home: string,
  files: FileToImport[],
  options: { bulk?: boolean; transactional?: boolean },
): Promise<string | null> {
  if (options.transactional) return null;
  const refuse = (why: string) => {
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `--bulk cannot be used: ${why}.`,
      hint: 'Import without --bulk (or with --transactional), which adds to any graph on any server.',
    });
  };
  if (!connection.local) {
    if (options.bulk) refuse('it loads only the local database, and Caselink is connected to a server (NEO4J_URI)');
    return null;
  }
  const { bulkLoadRefusal } = await import('../services/import/bulkLoad');
  const { offlineLoadRefusal } = await import('../db/offlineImport');
  const refusal =
    (await bulkLoadRefusal(connection.db)) ?? (await offlineLoadRefusal(home, connection.local.startedHere));
  if (refusal) {
    if (options.bulk) refuse(refusal);
    return null;
  }
  if (!options.bulk) {
    let bytes = 0;
    for (const file of files) bytes += (await stat(file.path)).size;
    if (bytes < BULK_AUTO_BYTES) return null;
  }
  return `The local database is empty: loading the files with Neo4j's offline importer (bulk first load; the database is stopped and started again around it). Use --transactional to write in transactions instead.`;
}

export function registerImportCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('import')
    .description('import agency files (.xlsx .xlsm .xlsb .xls .ods .fods .csv .tsv .txt .tab) into the graph')
    .argument('[files...]', 'files to import')
    .option('--agency <code>', 'the agency the files come from', agencyCode)
    .option('--profile <file>', "mapping profile (default: the agency's saved profile)", nonEmpty)
    .option('--manifest <file>', 'a JSON list of files with their agency and profile', nonEmpty)
    .option('--report-dir <dir>', 'where to write the error reports (default: CASELINK_HOME/reports)', nonEmpty)
    .option('--batch-size <n>', 'rows per write transaction (1 to 50,000)', integerIn(1, 50_000))
    .option('--save', "keep the --profile given as the agency's saved profile")
    .option('--bulk', "load through Neo4j's offline importer (an empty local database only)")
    .option('--transactional', 'write in transactions, adding to the graph (any database)')
    .option('--json', 'print the summaries as JSON')
    .action(
      async (
        paths: string[],
        options: {
          agency?: string;
          profile?: string;
          manifest?: string;
          reportDir?: string;
          batchSize?: number;
          save?: boolean;
          json?: boolean;
          bulk?: boolean;
          transactional?: boolean;
        },
      ) => {
        if (options.bulk && options.transactional)
          throw new CaselinkFailure({ kind: 'InvalidInput', message: 'Choose --bulk or --transactional, not both.' });
        const home = caselinkHome();
        let files: FileToImport[] = [];
        let agencies: { code: string; name: string; country: string }[] = [];
        let toSave: Profile | null = null;
        let checked: string[] = [];
        if (options.manifest) {
          if (paths.length || options.agency || options.profile)
            throw new CaselinkFailure({
              kind: 'InvalidInput',
              message: '--manifest goes alone: the manifest names the files, agencies and profiles.',
            });
          const { loadManifest } = await import('../services/import/profiles');
          const manifest = await loadManifest(options.manifest);
          // The manifest's schema already folds codes and countries to upper case.
          agencies = manifest.agencies;
          files = manifest.files;
        } else {
          if (!options.agency || paths.length === 0)
            throw new CaselinkFailure({
              kind: 'InvalidInput',
              message: 'Name the agency and the files: caselink import --agency CODE FILE… (or --manifest FILE).',
            });
          checked = await checkFiles(paths);
        }
        // Everything else needs the database: the agency is checked there before the profile.
        const notice = (line: string) => (options.json ? process.stderr.write(`${line}\n`) : out(line));
        const controller = new AbortController();
        const cancel = () => {
          process.stderr.write('\nCancelling after the batch being written…\n');
          controller.abort();
        };
        process.once('SIGINT', cancel);
        try {
          await withConnection(async (connection) => {
            const { importMany } = await import('../services/import/importMany');
            const { cardHasher, saveProfile } = await import('../services/import/profiles');
            const { describePlan, planImport } = await import('../services/import/reimportPlan');
            if (!options.manifest && options.agency) {
              const agency = options.agency;
              await checkAgency(connection.db, agency);
              const chosen = await chooseProfile(home, agency, options.profile, paths[0] as string);
              if (options.save && options.profile) toSave = chosen.profile;
              files = checked.map((path) => ({ path, agency, profile: chosen.profile, profileSource: chosen.path }));
              notice(`Mapping "${chosen.profile.name}" (${chosen.path}).`);
            }
            for (const file of files) {
              const plan = await planImport(connection.db, file);
              // An unchanged file is said once, in its summary.
              const said = plan.kind === 'unchanged' ? null : describePlan(plan);
              if (said) notice(said);
            }
            if (toSave) out(`Profile saved as ${await saveProfile(home, toSave, { db: connection.db })}.`);
            const bulk = await chooseBulk(connection, home, files, options);
            if (bulk) {
              notice(bulk);
              const { bulkImportMany } = await import('../services/import/bulkLoad');
              const { localOfflineLoader } = await import('../db/offlineImport');
              const loader = await localOfflineLoader({ home, db: connection.db, attached: false });
              const result = await bulkImportMany(loader, files, {
                agencies,
                reportDir: resolve(options.reportDir ?? resolve(home, 'reports')),
                cardHash: await cardHasher(home),
                signal: controller.signal,
                onProgress: progressPrinter(),
                onStage: notice,
              });
              try {
                if (options.json) out(JSON.stringify(result.outcomes, null, 2));
                else result.outcomes.forEach((o) => printSummary(out, o));
                notice(
                  `Bulk load: ${plural(result.nodes, 'node')} and ${plural(result.relationships, 'relationship')} in the graph; reading and writing CSV ${formatSeconds(result.seconds.csv)}, offline load and restart ${formatSeconds(result.seconds.load)}, finishing ${formatSeconds(result.seconds.finish)}.`,
                );
                if (result.outcomes.some(failed) || result.outcomes.length < files.length)
                  process.exitCode = EXIT.failed;
              } finally {
                await result.db.close();
              }
              return;
            }
            const outcomes = await importMany(connection.db, files, {
              agencies,
              reportDir: resolve(options.reportDir ?? resolve(home, 'reports')),
              cardHash: await cardHasher(home),
              signal: controller.signal,
              onProgress: progressPrinter(),
              ...(options.batchSize ? { batchSize: options.batchSize } : {}),
            });
            if (options.json) out(JSON.stringify(outcomes, null, 2));
            else outcomes.forEach((o) => printSummary(out, o));
            if (outcomes.some(failed) || outcomes.length < files.length) process.exitCode = EXIT.failed;
          });
        } finally {
          process.off('SIGINT', cancel);
        }
      },
    );

  program
    .command('stats')
    .description('nodes and relationships by agency, label and type')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { graphStats } = await import('../services/statsService');
      await withConnection(async (connection) => {
        const stats = await graphStats(connection.db);
        if (options.json) return out(JSON.stringify(stats, null, 2));
        out('By agency:');
        out(
          `  ${'agency'.padEnd(12)} ${'files'.padStart(5)} ${'records'.padStart(8)} ${'cases'.padStart(7)} ${'persons'.padStart(8)} ${'orgs'.padStart(6)} ${'identifiers'.padStart(11)}`,
        );
        for (const a of stats.byAgency) {
          out(
            `  ${a.agency.padEnd(12)} ${formatNumber(a.completeSources).padStart(5)} ${formatNumber(a.records).padStart(8)} ${formatNumber(a.cases).padStart(7)} ${formatNumber(a.persons).padStart(8)} ${formatNumber(a.organizations).padStart(6)} ${formatNumber(a.identifiers).padStart(11)}`,
          );
        }
        out('Nodes by label:');
        for (const [label, count] of Object.entries(stats.nodesByLabel))
          out(`  ${label.padEnd(14)} ${formatNumber(count)}`);
        out('Relationships by type:');
        for (const [type, count] of Object.entries(stats.relationshipsByType))
          out(`  ${type.padEnd(14)} ${formatNumber(count)}`);
      });
    });

  program
    .command('identifiers')
    .description('the identifiers in the graph, most used first, with the agencies that use each')
    .option('--limit <n>', 'how many', integerIn(1, 100_000), 50)
    .option('--json', 'print JSON')
    .action(async (options: { limit: number; json?: boolean }) => {
      const { listIdentifiers } = await import('../services/identifierService');
      const { describeIdentifier } = await import('../core/normalize');
      await withConnection(async (connection) => {
        const list = await listIdentifiers(connection.db, options.limit);
        if (options.json) return out(JSON.stringify(list, null, 2));
        // Kind and key first, as "caselink hub" takes them and "caselink normalize" prints them.
        for (const i of list) {
          const name = describeIdentifier({
            kind: i.label.toLowerCase(),
            key: i.key,
            display: i.display,
            ...(i.subkind ? { subkind: i.subkind } : {}),
            ...(i.country ? { country: i.country } : {}),
          });
          out(`${name.padEnd(60)} ${plural(i.records, 'record').padStart(13)}  ${i.agencies.join(', ')}`);
        }
      });
    });

  const profile = program
    .command('profile')
    .description("mapping profiles: how an agency's columns become Caselink fields");
  profile
    .command('propose <file>')
    .description("propose a profile from the file's headers and values, and preview it")
    .requiredOption('--agency <code>', 'the agency', agencyCode)
    .option(
      '--country <cc>',
      "default country for its phones and addresses (default: the agency's, as registered)",
      country,
    )
    // Repeated rather than variadic: a variadic option would take the file after it as a sheet.
    .option('--sheet <name>', 'a sheet to read (repeatable; default: every sheet)', repeatable(nonEmpty))
    .option('--out <file>', 'write the proposed profile here for review', nonEmpty)
    .action(async (file: string, options: { agency: string; country?: string; sheet?: string[]; out?: string }) => {
      const [path] = await checkFiles([file]);
      // Without --country, the agency's own, which asks the database (the only reason to).
      let cc = options.country;
      if (cc === undefined)
        await withConnection(async (connection) => {
          cc = (await checkAgency(connection.db, options.agency)).country;
        });
      const { proposeForFile } = await import('../services/import/mapping');
      const proposal = await proposeForFile(path as string, options.agency, cc as string, options.sheet);
      for (const l of proposal.layouts) out(`Sheet ${l.sheet}, header on row ${l.headerRow ?? '?'}.`);
      for (const c of proposal.profile.columns) {
        const where = c.sheet ? `${c.sheet}: ${c.column}` : c.column;
        const type = c.documentType ? ` (${c.documentType})` : '';
        out(`  ${where.padEnd(28)} → ${c.entity}.${c.field}${type}   (${proposal.reasons[c.column] ?? ''})`);
      }
      if (proposal.unmapped.length) out(`  not mapped: ${proposal.unmapped.join(', ')}`);
      if (options.out) {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(options.out, `${JSON.stringify(proposal.profile, null, 2)}\n`);
        out(`Proposed profile written to ${options.out}: review and edit it, then "caselink profile preview".`);
      } else out(JSON.stringify(proposal.profile, null, 2));
    });
  profile
    .command('preview <file>')
    .description('show the first rows as the profile will import them')
    .requiredOption('--profile <file>', 'the profile')
    .option('--rows <n>', 'rows to show (1 to 1,000)', integerIn(1, 1_000), 10)
    .action(async (file: string, options: { profile: string; rows: number }) => {
      const [path] = await checkFiles([file]);
      const { previewFile } = await import('../services/import/mapping');
      const { cardHasher, loadProfile } = await import('../services/import/profiles');
      const p = await loadProfile(options.profile);
      const previews = await previewFile(path as string, p, await cardHasher(caselinkHome()), options.rows);
      for (const s of previews) {
        out(
          `Sheet ${s.sheet}: header on row ${s.headerRow ?? 'not found'}${s.missingColumns.length ? `; missing columns: ${s.missingColumns.join(', ')}` : ''}`,
        );
        for (const row of s.rows) out(`  ${describeRow(row)}`);
      }
    });
  profile
    .command('save')
    .description("keep a profile as the agency's, for the next imports")
    .requiredOption('--profile <file>', 'the profile')
    .action(async (options: { profile: string }) => {
      const { loadProfile, saveProfile } = await import('../services/import/profiles');
      const p = await loadProfile(options.profile);
      await withConnection(async (connection) => {
        out(`Saved as ${await saveProfile(caselinkHome(), p, { db: connection.db })}.`);
      });
    });
  profile
    .command('list')
    .description('the saved profiles')
    .option('--agency <code>', 'only this agency', agencyCode)
    .action(async (options: { agency?: string }) => {
      const { savedProfiles } = await import('../services/import/profiles');
      const saved = await savedProfiles(caselinkHome(), options.agency);
      // The profiles are files: the database is asked only when none is found, whether the agency is
      // registered at all (a mistyped code is named, with status 4, as every other command does).
      const agency = options.agency;
      if (saved.length === 0 && agency !== undefined)
        await withConnection(async (connection) => {
          await checkAgency(connection.db, agency);
        });
      if (saved.length === 0) out('No saved profiles.');
      for (const s of saved) out(`${s.profile.agency.padEnd(12)} ${s.profile.name}  ${s.path}`);
    });
}
