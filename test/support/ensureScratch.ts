/**
 * A scratch copy of the project for running scripts/ensure.mjs in: the script, a Neo4j launcher's
 * pom, and a stand-in `mvn` (the shell script given) first on the PATH it returns.
 */
import { chmod, copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

export async function ensureScratch(
  mvnScript: (scratch: string) => string,
): Promise<{ scratch: string; path: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'caselink-ensure-'));
  await mkdir(join(scratch, 'scripts'));
  await copyFile(join(root, 'scripts/ensure.mjs'), join(scratch, 'scripts/ensure.mjs'));
  await mkdir(join(scratch, 'neo4j/src'), { recursive: true });
  await writeFile(join(scratch, 'neo4j/pom.xml'), '<project/>\n');
  await mkdir(join(scratch, 'bin'));
  const mvn = join(scratch, 'bin/mvn');
  await writeFile(mvn, mvnScript(scratch));
  await chmod(mvn, 0o755);
  return { scratch, path: `${join(scratch, 'bin')}:${process.env.PATH ?? ''}` };
}
