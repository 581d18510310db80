/**
 * Mapping profiles on disk (saved per agency under CASELINK_HOME/profiles, or given as a file)
 * and import manifests (a task force's monthly batch: files with their agency and profile).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { parseProfile, type Profile } from '../../core/profile';
import { CaselinkFailure, toError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { agencyInput } from '../agencyService';
import { audited } from '../auditService';
import { keyedCardHash } from './mappingPool';

export function profilesDir(home: string): string {
  return join(home, 'profiles');
}

/** A JSON file's content; a file that cannot be read or parsed is refused, naming it. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CaselinkFailure(toError(error), { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // The parser quotes the start of the text, line breaks included: one line is enough.
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `${path} is not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}.`,
      hint: 'Give the JSON file itself: profiles and manifests are JSON files.',
    });
  }
}

/** Reads and checks a profile file; a bad one is refused with every problem named. */
export async function loadProfile(path: string): Promise<Profile> {
  const json = await readJson(path);
  try {
    return parseProfile(json, path);
  } catch (error) {
    throw new CaselinkFailure({ kind: 'InvalidInput', message: (error as Error).message });
  }
}

/**
 * Saves a profile as the agency's, for the next import; answers its path. The change goes into
 * the audit trail of `options.db` (with the SHA-256 of the profile before and after).
 */
export async function saveProfile(
  home: string,
  profile: Profile,
  options: { db: Database; name?: string },
): Promise<string> {
  const dir = profilesDir(home);
  const path = join(dir, `${(options.name ?? profile.agency.toLowerCase()).replace(/[^\w.-]+/g, '_')}.json`);
  const text = `${JSON.stringify(profile, null, 2)}\n`;
  const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
  const before = await readFile(path, 'utf8').then(sha256, () => null);
  return audited(
    options.db,
    {
      kind: 'profile-change',
      action: `save profile ${profile.agency} ${profile.name}`,
      details: { agency: profile.agency, profile: profile.name, path, previousSha256: before, sha256: sha256(text) },
    },
    async () => {
      await mkdir(dir, { recursive: true });
      await writeFile(path, text);
      return path;
    },
    () => ({ changed: before !== sha256(text) }),
  );
}

/** The saved profiles, of one agency or of all. */
export async function savedProfiles(home: string, agency?: string): Promise<{ path: string; profile: Profile }[]> {
  const dir = profilesDir(home);
  if (!existsSync(dir)) return [];
  const out: { path: string; profile: Profile }[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const profile = await loadProfile(path).catch(() => null);
    if (profile && (agency === undefined || profile.agency === agency)) out.push({ path, profile });
  }
  return out;
}

export const manifestSchema = z
  .object({
    version: z.literal(1),
    agencies: z.array(agencyInput).default([]),
    files: z
      .array(
        z
          .object({
            path: z.string().min(1),
            agency: z.string().min(1),
            profile: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** A file of a manifest, ready to import (its profile loaded; `profileSource` is the profile's path). */
export interface ManifestEntry {
  path: string;
  agency: string;
  profileSource: string;
  profile: Profile;
}

/** Reads a manifest; paths in it are relative to the manifest's folder. */
export async function loadManifest(
  path: string,
): Promise<{ agencies: z.infer<typeof manifestSchema>['agencies']; files: ManifestEntry[] }> {
  const json = await readJson(path);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new CaselinkFailure({ kind: 'InvalidInput', message: `${path} is not a valid import manifest: ${problems}` });
  }
  const base = dirname(resolve(path));
  const files: ManifestEntry[] = [];
  for (const f of parsed.data.files) {
    const profilePath = resolve(base, f.profile);
    const profile = await loadProfile(profilePath);
    if (profile.agency !== f.agency.toUpperCase()) {
      throw new CaselinkFailure({
        kind: 'InvalidInput',
        message: `${path}: ${f.path} is listed for ${f.agency} but its profile ${f.profile} is for ${profile.agency}`,
      });
    }
    files.push({ path: resolve(base, f.path), agency: profile.agency, profileSource: profilePath, profile });
  }
  return { agencies: parsed.data.agencies, files };
}

/**
 * The keyed hash for full card numbers: HMAC-SHA-256 under a secret kept in CASELINK_HOME (or
 * CASELINK_CARD_KEY, which a task force shares so its members' imports meet on the same cards).
 * The card number itself is never stored.
 */
export async function cardHasher(home: string, env: NodeJS.ProcessEnv = process.env): Promise<(pan: string) => string> {
  let key = env.CASELINK_CARD_KEY;
  if (!key) {
    const path = join(home, 'keys', 'card-hash.key');
    if (existsSync(path)) key = (await readFile(path, 'utf8')).trim();
    else {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      key = randomBytes(32).toString('hex');
      await writeFile(path, `${key}\n`, { mode: 0o600 });
      await chmod(path, 0o600);
    }
  }
  return keyedCardHash(key);
}
