/**
 * `caselink import`, `caselink stats` and `caselink profile …`.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { caselinkHome } from '../config/settings';
import type { Profile } from '../core/profile';
import type { MappedRow } from '../core/rowMapper';
import { CaselinkFailure } from '../contract/errors';
import type { Connection } from '../db/connect';
import type { ImportProgress, ImportSummary } from '../services/import/importFile';
import { importMany, type FileOutcome, type FileToImport } from '../services/import/importMany';
import { previewFile, proposeForFile } from '../services/import/mapping';
import { cardHasher, loadManifest, loadProfile, saveProfile, savedProfiles } from '../services/import/profiles';
import { listIdentifiers } from '../services/identifierService';
import { graphStats } from '../services/statsService';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

function progressPrinter(): (p: ImportProgress & { fileIndex: number; fileCount: number }) => void {
  let last = 0;
  const tty = process.stderr.isTTY;
  return (p) => {
    const now = Date.now();
    if (p.phase !== 'done' && now - last < (tty ? 250 : 5000)) return;
    last = now;
    const left = p.secondsLeft === null ? '' : `, about ${p.secondsLeft} s left`;
    const line = `[${p.fileIndex + 1}/${p.fileCount}] ${p.file}: ${p.phase}, ${p.rowsRead} rows read, ${p.rowsWritten} written, ${p.rowsPerSecond} rows/s${left}`;
    process.stderr.write(tty ? `\r\x1b[K${line}${p.phase === 'done' ? '\n' : ''}` : `${line}\n`);
  };
}

function printSummary(out: Out, outcome: FileOutcome): void {
  if (!outcome.ok) {
    out(`✗ ${outcome.path}: ${outcome.error.message}`);
    if (outcome.error.hint) out(`  ${outcome.error.hint}`);
    return;
  }
  const s: ImportSummary = outcome.summary;
  if (s.outcome === 'unchanged') {
    out(`= ${s.file} (${s.agency}): already imported (same SHA-256); nothing changed.`);
    return;
  }
  out(
    `✓ ${s.file} (${s.agency}): ${s.rowsRead} rows read, ${s.rowsImported} imported (${s.rowsWithWarnings} with warnings), ${s.rowsRejected} rejected, ${s.blankRows} blank, ${s.duplicateRows} duplicate; ${s.newRecords} new records; ${s.seconds.toFixed(1)} s.`,
  );
  for (const sheet of s.sheets) {
    if (sheet.missingColumns.length)
      out(`  sheet ${sheet.name}: columns not found: ${sheet.missingColumns.join(', ')}`);
  }
  for (const p of s.problems.filter((x) => x.severity === 'rejected').slice(0, 5)) {
    out(`  rejected ${p.sheet} row ${p.row ?? '-'}: ${p.reason}`);
  }
  if (s.reportPath) out(`  ${s.problemCount} problems listed in ${s.reportPath}`);
}

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

export function registerImportCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('import')
    .description('import agency files (.xlsx .xls .ods .csv .tsv) into the graph')
    .argument('[files...]', 'files to import')
    .option('--agency <code>', 'the agency the files come from')
    .option('--profile <file>', "mapping profile (default: the agency's saved profile)")
    .option('--manifest <file>', 'a JSON list of files with their agency and profile')
    .option('--report-dir <dir>', 'where to write the error reports (default: CASELINK_HOME/reports)')
    .option('--batch-size <n>', 'rows per write transaction', (v) => Number(v))
    .option('--save', "keep the --profile given as the agency's saved profile")
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
        },
      ) => {
        const home = caselinkHome();
        let files: FileToImport[] = [];
        let agencies: { code: string; name: string; country: string }[] = [];
        let toSave: Profile | null = null;
        if (options.manifest) {
          if (paths.length || options.agency || options.profile)
            throw new CaselinkFailure({
              kind: 'InvalidInput',
              message: '--manifest goes alone: the manifest names the files, agencies and profiles.',
            });
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
          const agency = options.agency.toUpperCase();
          let profilePath = options.profile ? resolve(options.profile) : null;
          let profile = profilePath ? await loadProfile(profilePath) : null;
          if (!profile) {
            const saved = await savedProfiles(home, agency);
            if (saved.length === 0) {
              throw new CaselinkFailure({
                kind: 'InvalidInput',
                message: `No mapping profile for ${agency}.`,
                hint: `Propose one from the file and review it: caselink profile propose --agency ${agency} --country CC ${paths[0]} --out ${agency.toLowerCase()}.json; then caselink profile preview --profile ${agency.toLowerCase()}.json ${paths[0]}; then import with --profile (add --save to keep it).`,
              });
            }
            profile = (saved[0] as (typeof saved)[number]).profile;
            profilePath = (saved[0] as (typeof saved)[number]).path;
          }
          if (profile.agency !== agency)
            throw new CaselinkFailure({
              kind: 'InvalidInput',
              message: `The profile is for ${profile.agency}, not ${agency}.`,
            });
          if (options.save && options.profile) toSave = profile;
          const chosen = profile;
          files = paths.map((p) => ({
            path: resolve(p),
            agency,
            profile: chosen,
            profileSource: profilePath ?? 'given',
          }));
        }
        const controller = new AbortController();
        const cancel = () => {
          process.stderr.write('\nCancelling after the batch being written…\n');
          controller.abort();
        };
        process.once('SIGINT', cancel);
        try {
          await withConnection(async (connection) => {
            if (toSave) out(`Profile saved as ${await saveProfile(home, toSave, { db: connection.db })}.`);
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
            if (outcomes.some((o) => !o.ok) || outcomes.length < files.length) process.exitCode = 1;
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
      await withConnection(async (connection) => {
        const stats = await graphStats(connection.db);
        if (options.json) return out(JSON.stringify(stats, null, 2));
        out('By agency:');
        out(
          `  ${'agency'.padEnd(12)} ${'files'.padStart(5)} ${'records'.padStart(8)} ${'cases'.padStart(7)} ${'persons'.padStart(8)} ${'orgs'.padStart(6)} ${'identifiers'.padStart(11)}`,
        );
        for (const a of stats.byAgency) {
          out(
            `  ${a.agency.padEnd(12)} ${String(a.completeSources).padStart(5)} ${String(a.records).padStart(8)} ${String(a.cases).padStart(7)} ${String(a.persons).padStart(8)} ${String(a.organizations).padStart(6)} ${String(a.identifiers).padStart(11)}`,
          );
        }
        out('Nodes by label:');
        for (const [label, count] of Object.entries(stats.nodesByLabel)) out(`  ${label.padEnd(14)} ${count}`);
        out('Relationships by type:');
        for (const [type, count] of Object.entries(stats.relationshipsByType)) out(`  ${type.padEnd(14)} ${count}`);
      });
    });

  program
    .command('identifiers')
    .description('the identifiers in the graph, most used first, with the agencies that use each')
    .option('--limit <n>', 'how many', (v) => Number(v), 50)
    .option('--json', 'print JSON')
    .action(async (options: { limit: number; json?: boolean }) => {
      await withConnection(async (connection) => {
        const list = await listIdentifiers(connection.db, options.limit);
        if (options.json) return out(JSON.stringify(list, null, 2));
        for (const i of list)
          out(
            `${i.label.padEnd(9)} ${i.display.padEnd(40)} ${String(i.records).padStart(5)} records  ${i.agencies.join(', ')}`,
          );
      });
    });

  const profile = program
    .command('profile')
    .description("mapping profiles: how an agency's columns become Caselink fields");
  profile
    .command('propose <file>')
    .description("propose a profile from the file's headers and values, and preview it")
    .requiredOption('--agency <code>', 'the agency')
    .requiredOption('--country <cc>', 'default country for its phones and addresses')
    .option('--sheet <name...>', 'sheets to read (default: the first)')
    .option('--out <file>', 'write the proposed profile here for review')
    .action(async (file: string, options: { agency: string; country: string; sheet?: string[]; out?: string }) => {
      const proposal = await proposeForFile(
        resolve(file),
        options.agency.toUpperCase(),
        options.country.toUpperCase(),
        options.sheet,
      );
      out(`Sheet ${proposal.sheet}, header on row ${proposal.headerRow ?? '?'}.`);
      for (const c of proposal.profile.columns)
        out(`  ${c.column.padEnd(28)} → ${c.entity}.${c.field}   (${proposal.reasons[c.column] ?? ''})`);
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
    .option('--rows <n>', 'rows to show', (v) => Number(v), 10)
    .action(async (file: string, options: { profile: string; rows: number }) => {
      const p = await loadProfile(options.profile);
      const previews = await previewFile(resolve(file), p, await cardHasher(caselinkHome()), options.rows);
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
      const p = await loadProfile(options.profile);
      await withConnection(async (connection) => {
        out(`Saved as ${await saveProfile(caselinkHome(), p, { db: connection.db })}.`);
      });
    });
  profile
    .command('list')
    .description('the saved profiles')
    .option('--agency <code>', 'only this agency')
    .action(async (options: { agency?: string }) => {
      const saved = await savedProfiles(caselinkHome(), options.agency?.toUpperCase());
      if (saved.length === 0) out('No saved profiles.');
      for (const s of saved) out(`${s.profile.agency.padEnd(12)} ${s.profile.name}  ${s.path}`);
    });
}
