import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { describeSearch, registerSearchCommands } from '../../main/cli/searchCommands';

describe('caselink search', () => {
  it('prints how the text was read, then each kind with its hits, agencies, records and why', () => {
    const lines = describeSearch({
      readAs: ['as a phone: +447700900123 (GB)', 'as part of a phone number: …7700900123…'],
      groups: [
        {
          kind: 'phone',
          total: 3,
          hits: [
            {
              node: {
                id: 'phone:%2B447700900123',
                kind: 'phone',
                label: '+44 7700 900123',
                agencies: ['CITY-POL', 'RO-POL'],
                records: 2,
                hub: false,
                properties: {},
              },
              matched: 'phone +44 7700 900123',
              score: 3,
            },
          ],
        },
      ],
    });
    expect(lines).toEqual([
      'Read as a phone: +447700900123 (GB).',
      'Read as part of a phone number: …7700900123….',
      '',
      'Phones: 3 (1 of 3 shown)',
      '  +44 7700 900123  [CITY-POL, RO-POL] 2 records',
      '      phone +44 7700 900123  phone:%2B447700900123',
    ]);
    expect(describeSearch({ readAs: [], groups: [] })).toEqual(['Nothing found.']);
  });

  it('takes the words of the text, repeated kinds and a limit, and refuses an unknown kind', async () => {
    const program = new Command().exitOverride();
    program.configureOutput({ writeErr: () => undefined });
    let seen: unknown;
    registerSearchCommands(
      program,
      () => undefined,
      async () => {
        seen = program.commands[0]?.opts();
      },
    );
    await program.parseAsync(['search', '07700', '900123', '--kind', 'phone', '--kind', 'person', '--limit', '5'], {
      from: 'user',
    });
    expect(program.commands[0]?.args).toEqual(['07700', '900123']);
    expect(seen).toEqual({ kind: ['phone', 'person'], limit: 5 });
    await expect(program.parseAsync(['search', 'x', '--kind', 'planet'], { from: 'user' })).rejects.toThrow(
      /Choose one of/,
    );
  });
});
