import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerImportCommands } from '../../main/cli/importCommands';
import { SUPPORTED_EXTENSIONS } from '../../main/services/import/readers';

// `caselink import --help` is where a user looks for what Caselink reads: it names every
// extension the readers accept (it named five of the ten, leaving out .xlsm, .xlsb, .fods, .txt, .tab).
describe('caselink import --help', () => {
  it('names every file extension the readers accept', () => {
    const program = new Command();
    registerImportCommands(
      program,
      () => undefined,
      () => Promise.resolve(),
    );
    const description = program.commands.find((c) => c.name() === 'import')?.description() ?? '';
    for (const extension of SUPPORTED_EXTENSIONS) expect(description.split(/[\s(),]+/)).toContain(extension);
  });
});
