/**
 * Where the Connection dialog's choices are kept. The settings without the password go to
 * `connection.json` in CASELINK_HOME; the password goes behind a {@link PasswordStore}: in the
 * desktop app, encrypted with the operating system's keyring (Electron's safeStorage) in
 * `connection-password.bin`; in `caselink serve`, in memory only, for as long as the server runs.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CONNECTION_SCHEMES } from '../contract/connectionTypes';

/** The settings kept without the password: the local database, or another server. */
export type SavedConnection = { local: true } | { local: false; uri: string; user: string; database: string };

const savedConnection = z.union([
  z.object({ local: z.literal(true) }).strict(),
  z
    .object({
      local: z.literal(false),
      uri: z.string().refine((u) => CONNECTION_SCHEMES.some((s) => u.startsWith(`${s}://`)) && !u.includes('@')),
      user: z.string().min(1),
      database: z.string().min(1),
    })
    .strict(),
]);

/** Keeps the saved settings (never the password). */
export interface SettingsStore {
  /** False when what is saved is lost when the process ends (`caselink serve`). */
  readonly persistent: boolean;
  load(): Promise<SavedConnection | null>;
  save(settings: SavedConnection): Promise<void>;
}

/** Keeps the one password of the saved server. */
export interface PasswordStore {
  readonly persistent: boolean;
  get(): Promise<string | null>;
  set(password: string | null): Promise<void>;
}

/** Turns a password into bytes only this user on this machine can turn back (Electron's safeStorage). */
export interface SecretCipher {
  /** Why passwords cannot be kept here, or null when they can. */
  unavailableReason(): string | null;
  encrypt(text: string): Buffer;
  decrypt(bytes: Buffer): string;
}

/** What Caselink uses of Electron's `safeStorage` (typed here so that this folder needs no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(text: string): Buffer;
  decryptString(bytes: Buffer): string;
}

/**
 * A cipher over Electron's safeStorage. On Linux without a keyring, safeStorage falls back to a
 * fixed key ("basic_text"), which anyone who copies the file can undo: Caselink refuses that, and
 * says how to give the password instead.
 */
export function safeStorageCipher(storage: SafeStorageLike, platform: NodeJS.Platform): SecretCipher {
  return {
    unavailableReason: () => {
      if (!storage.isEncryptionAvailable())
        return 'This computer offers no secure storage for passwords (no keyring is unlocked).';
      if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text')
        return 'This computer has no keyring (such as GNOME Keyring or KWallet) to keep the password safely.';
      return null;
    },
    encrypt: (text) => storage.encryptString(text),
    decrypt: (bytes) => storage.decryptString(bytes),
  };
}

/** Writes `data` to `file` whole or not at all, readable by the user only. */
async function writePrivately(file: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** Settings in `CASELINK_HOME/connection.json`. A file that does not parse is treated as absent. */
export function fileSettingsStore(home: string): SettingsStore {
  const file = join(home, 'connection.json');
  return {
    persistent: true,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return null;
      }
      try {
        const parsed = savedConnection.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save: (settings) => writePrivately(file, `${JSON.stringify(settings, null, 2)}\n`),
  };
}

/** Settings held in memory, for `caselink serve`. */
export function memorySettingsStore(): SettingsStore {
  let saved: SavedConnection | null = null;
  return {
    persistent: false,
    load: () => Promise.resolve(saved),
    save: (settings) => {
      saved = settings;
      return Promise.resolve();
    },
  };
}

/** A password held in memory, for `caselink serve`: it goes when the server stops. */
export function memoryPasswordStore(): PasswordStore {
  let password: string | null = null;
  return {
    persistent: false,
    get: () => Promise.resolve(password),
    set: (value) => {
      password = value;
      return Promise.resolve();
    },
  };
}

/**
 * A password encrypted with `cipher` in `CASELINK_HOME/connection-password.bin`. Refuses to store
 * one when the cipher cannot protect it; a file the cipher cannot read (another user, another
 * machine, a changed keyring) reads as no password, so the dialog asks for it again.
 */
export function encryptedPasswordStore(home: string, cipher: SecretCipher): PasswordStore {
  const file = join(home, 'connection-password.bin');
  return {
    persistent: true,
    async get() {
      if (cipher.unavailableReason() !== null) return null;
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return null;
      }
      try {
        return cipher.decrypt(bytes);
      } catch {
        return null;
      }
    },
    async set(password) {
      if (password === null) {
        await rm(file, { force: true });
        return;
      }
      const reason = cipher.unavailableReason();
      if (reason !== null)
        throw new PasswordStorageUnavailable(
          `${reason} Caselink does not keep passwords in plain text: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD in the environment instead, or use the local database.`,
        );
      await writePrivately(file, cipher.encrypt(password));
    },
  };
}

/** Thrown when a password cannot be kept safely on this machine. */
export class PasswordStorageUnavailable extends Error {
  override name = 'PasswordStorageUnavailable';
}
