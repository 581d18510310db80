/**
 * `caselink model show` (the same-person match model: each comparison level with m, u and its
 * weight) and `caselink model set` (an analyst fixes m and/or u of one level).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Connection } from '../db/connect';
import { plural } from './format';
import type { ModelView } from '../services/modelService';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

/**
 * A probability given on the command line, or "auto" to clear a fixed value. "auto" stays a word
 * here: commander stores an option whose parser answers null as an empty string.
 */
function probabilityOrAuto(text: string): number | 'auto' {
  if (text.trim().toLowerCase() === 'auto') return 'auto';
  const x = Number(text);
  if (!(x > 0 && x < 1))
    throw new InvalidArgumentError(`expected a probability between 0 and 1 (exclusive), or "auto"`);
  return x;
}

const formatProbability = (x: number | null) => (x === null ? '—' : x < 0.001 ? x.toExponential(2) : x.toFixed(4));

/** The model as lines of text: a header, then one line per level. */
export function describeModel(model: ModelView): string[] {
  const lines: string[] = [];
  if (model.estimatedAt === null) lines.push('No model estimated yet: run "caselink resolve".');
  else {
    const trained = model.trainedOn;
    lines.push(
      `Estimated ${model.estimatedAt} on ${plural(trained?.mentions ?? 0, 'person mention')}: u from ${plural(trained?.randomPairs ?? 0, 'random pair')}, m by EM over ${plural(trained?.blockedPairs ?? 0, 'blocked pair')} (${trained?.emSessions.join('; ') || 'no session'}).`,
    );
    lines.push(`Prior: ${formatProbability(model.prior)} (two mentions drawn at random are one person).`);
  }
  lines.push('');
  lines.push(
    `${'comparison'.padEnd(12)} ${'level'.padEnd(17)} ${'m'.padStart(9)} ${'u'.padStart(9)} ${'weight'.padStart(7)}`,
  );
  for (const l of model.levels) {
    const fixed = [l.fixedM ? 'm' : '', l.fixedU ? 'u' : ''].filter((x) => x).join(', ');
    lines.push(
      `${l.comparison.padEnd(12)} ${l.level.padEnd(17)} ${formatProbability(l.m).padStart(9)} ${formatProbability(l.u).padStart(9)} ${(l.weight === null ? '—' : l.weight.toFixed(1)).padStart(7)}  ${l.label}${fixed ? ` (fixed: ${fixed})` : ''}`,
    );
  }
  lines.push('');
  lines.push('weight = log2(m/u): +1 doubles the odds that two mentions are one person, -1 halves them.');
  return lines;
}

export function registerModelCommands(program: Command, out: Out, withConnection: WithConnection): void {
  const model = program
    .command('model')
    .description('the same-person match model: its parameters, and values fixed by an analyst');
  model
    .command('show')
    .description('each comparison level with m, u and its weight, as the last resolution estimated them')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { showModel } = await import('../services/modelService');
      await withConnection(async (connection) => {
        const view = await showModel(connection.db);
        if (options.json) return out(JSON.stringify(view, null, 2));
        describeModel(view).forEach((line) => out(line));
      });
    });
  model
    .command('set')
    .description(
      'fix m and/or u of one comparison level ("auto" lets resolution estimate it again); takes effect at the next resolve',
    )
    .argument('<comparison>', 'a comparison, as "model show" names it (name, dob, document …)')
    .argument('<level>', 'a level of that comparison, as "model show" names it (exact, near …)')
    .option('--m <p>', 'probability of this level for two mentions of one person', probabilityOrAuto)
    .option('--u <p>', 'probability of this level for two different people', probabilityOrAuto)
    .action(async (comparison: string, level: string, options: { m?: number | 'auto'; u?: number | 'auto' }) => {
      const { setModelValue, showModel } = await import('../services/modelService');
      const value = (x: number | 'auto' | undefined) => (x === 'auto' ? null : x);
      await withConnection(async (connection) => {
        await setModelValue(connection.db, comparison, level, { m: value(options.m), u: value(options.u) });
        const shown = (await showModel(connection.db)).levels.find(
          (l) => l.comparison === comparison && l.level === level,
        );
        out(
          `${comparison} ${level}: m ${formatProbability(shown?.m ?? null)}${shown?.fixedM ? ' (fixed)' : ''}, u ${formatProbability(shown?.u ?? null)}${shown?.fixedU ? ' (fixed)' : ''}; run "caselink resolve" to apply.`,
        );
      });
    });
}
