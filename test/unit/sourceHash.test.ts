import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../main/services/import/source';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe("a file's SHA-256", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('is of the bytes on disk now, even when the file was rewritten since it was last read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'caselink-hash-'));
    dirs.push(dir);
    const path = join(dir, 'export.csv');
    await writeFile(path, 'Name,Phone\nAna,0740 123 456\n');
    expect(await sha256File(path)).toBe(sha256('Name,Phone\nAna,0740 123 456\n'));
    expect(await sha256File(path)).toBe(sha256('Name,Phone\nAna,0740 123 456\n'));
    // Same size, rewritten in place: the earlier hash must not be reused.
    await writeFile(path, 'Name,Phone\nIon,0740 123 457\n');
    expect(await sha256File(path)).toBe(sha256('Name,Phone\nIon,0740 123 457\n'));
  });
});
