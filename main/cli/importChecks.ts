/**
 * What `caselink import` checks before it reads a row, in the order a person would fix things:
 * the files exist and can be read, their format is one Caselink reads, the agency is registered,
 * and only then a mapping profile for it. Each failure names what is wrong and what to do.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Profile } from '../core/profile';
import { CaselinkFailure } from '../contract/errors';
import type { Database } from '../db/database';
import { type AgencySummary, listAgencies } from '../services/agencyService';

/** The files as absolute paths, once each is a readable file of a supported format. */
export async function checkFiles(paths: string[]): Promise<string[]> {
  const { checkAgencyFile, SUPPORTED_EXTENSIONS } = await import('../services/import/readers');
  const checked: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (!info)
      throw new CaselinkFailure({ kind: 'FileRejected', message: `${given}: no such file.`, hint: 'Check the path.' });
    if (!info.isFile())
      throw new CaselinkFailure({
        kind: 'FileRejected',
        message: `${given} is a folder, not a file.`,
        hint: 'Name the files in it, e.g. "folder/*.xlsx".',
      });
    try {
      await access(path, constants.R_OK);
    } catch {
      throw new CaselinkFailure({
        kind: 'FileRejected',
        message: `${given} cannot be read (permission denied).`,
        hint: 'Check who may read the file.',
      });
    }
    const extension = extname(path).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(extension))
      throw new CaselinkFailure({
        kind: 'FileRejected',
        message: `${given}: Caselink does not read ${extension ? `${extension} files` : 'files without an extension'}.`,
        hint: `It reads ${SUPPORTED_EXTENSIONS.join(', ')}: export the data to one of these from the system it came from.`,
      });
    // Its first bytes are what the extension says, and its size is within the limits.
    await checkAgencyFile(path);
    checked.push(path);
  }
  return checked;
}

/** The agency as registered in the graph; refused when it is not, saying how to register it. */
export async function checkAgency(db: Database, agency: string): Promise<AgencySummary> {
  const known = await listAgencies(db);
  const found = known.find((a) => a.code === agency);
  if (found) return found;
  throw new CaselinkFailure({
    kind: 'NotFound',
    message: `The agency ${agency} is not registered.`,
    hint: `Register it first: caselink agency add ${agency} --name "…" --country CC${known.length ? ` (registered: ${known.map((a) => a.code).join(', ')})` : ''}.`,
  });
}

/** The profile given with --profile, or else the agency's saved one; refused when there is none. */
export async function chooseProfile(
  home: string,
  agency: string,
  given: string | undefined,
  firstFile: string,
): Promise<{ profile: Profile; path: string }> {
  const { loadProfile, savedProfiles } = await import('../services/import/profiles');
  let chosen: { profile: Profile; path: string } | undefined;
  if (given) chosen = { profile: await loadProfile(resolve(given)), path: resolve(given) };
  else {
    const saved = await savedProfiles(home, agency);
    chosen = saved[0];
  }
  if (!chosen) {
    const name = `${agency.toLowerCase()}.json`;
    throw new CaselinkFailure({
      kind: 'NotFound',
      message: `No mapping profile for ${agency}.`,
      hint: `Propose one from the file and review it: caselink profile propose --agency ${agency} ${firstFile} --out ${name}; then caselink profile preview --profile ${name} ${firstFile}; then import with --profile ${name} (add --save to keep it).`,
    });
  }
  if (chosen.profile.agency !== agency)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `The profile ${chosen.path} is for ${chosen.profile.agency}, not ${agency}.`,
      hint: `Give a profile of ${agency}, or import the files as ${chosen.profile.agency}'s with --agency ${chosen.profile.agency}.`,
    });
  return chosen;
}
