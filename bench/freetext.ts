/**
 * `npm run bench:freetext [-- --show]`: precision and recall of the identifiers Caselink reads
 * from free text, per kind, on a labelled set of narrative snippets in several languages
 * (bench/freetext/snippets.json), for its dev half and its held-out half, and on an independent set
 * written without knowing the rules (bench/freetext/independent.json, and a second one,
 * bench/freetext/heldout2.json, never tuned on). `--show` lists each
 * invention and miss.
 */
import heldout2 from './freetext/heldout2.json';
import independent from './freetext/independent.json';
import { KINDS, rates, score, SNIPPETS, splitOf, type Score, type Snippet, type Split } from './freetext/score';

const say = (line = '') => process.stdout.write(`${line}\n`);
const show = process.argv.includes('--show');

function table(title: string, result: Score, count: number): void {
  say(`${title} (${count} snippets)`);
  say('  kind      expected  found  precision  recall');
  for (const kind of [...KINDS, 'all'] as const) {
    const r = rates(result[kind]);
    say(
      `  ${kind.padEnd(8)}  ${String(r.expected).padStart(8)}  ${String(r.found).padStart(5)}  ${r.precision
        .toFixed(2)
        .padStart(9)}  ${r.recall.toFixed(2).padStart(6)}`,
    );
  }
  if (show) {
    for (const line of result.all.inventions) say(`  invented  ${line}`);
    for (const line of result.all.misses) say(`  missed    ${line}`);
  }
  say();
}

const splits: Split[] = ['dev', 'held-out'];
for (const split of splits) {
  const part = SNIPPETS.filter((s) => splitOf(s) === split);
  table(split, score(part), part.length);
}
table('all', score(SNIPPETS), SNIPPETS.length);
// Written by someone who had not read the rules, their tests or snippets.json: a check on overfitting.
const INDEPENDENT: Snippet[] = independent.snippets;
table('independent (written without the rules)', score(INDEPENDENT), INDEPENDENT.length);
// A second such set (heldout2.json), scored only once the extraction work was finished.
const HELDOUT2: Snippet[] = heldout2.snippets;
table('held-out 2 (written without the rules, never tuned on)', score(HELDOUT2), HELDOUT2.length);
