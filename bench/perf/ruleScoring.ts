/**
 * CPU time of the rules matcher alone (context, blocking and scoring; no database) over the
 * mentions `bench-resolve-phases --dump` wrote, so that two versions can be compared on a shared,
 * noisy machine by CPU time rather than wall time; and a check that they propose the same pairs.
 *
 * `node out/perf/bench-rule-scoring.js --people people.json [--runs 3] [--out candidates.jsonl]
 * [--expect candidates.jsonl] [--context-only]`
 */
import { readFile, writeFile } from 'node:fs/promises';
import { findRuleCandidates, matchContext } from '../../main/core/ruleMatching';
import type { PersonMention } from '../../main/core/matchModel';
import { arg, flag, say } from '../support';

// The mentions as bench-resolve-phases --dump writes them, or under `people` beside other data.
const dumped = JSON.parse(await readFile(arg('people', 'people.json'), 'utf8')) as
  PersonMention[] | { people: PersonMention[] };
const people = Array.isArray(dumped) ? dumped : dumped.people;
const runs = Number(arg('runs', '3'));
const out = arg('out', '');
const expect = arg('expect', '');

const cpu = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

let lines: string[] = [];
for (let i = 0; i < runs; i++) {
  const contextAt = process.cpuUsage();
  matchContext(people);
  const contextSeconds = cpu(contextAt);
  if (flag('context-only')) {
    say(`run ${i + 1}: context ${contextSeconds.toFixed(2)} s CPU`);
    continue;
  }
  const at = process.cpuUsage();
  const wall = performance.now();
  const found = findRuleCandidates(people);
  say(
    `run ${i + 1}: context ${contextSeconds.toFixed(2)} s CPU; findRuleCandidates ${cpu(at).toFixed(2)} s CPU, ${((performance.now() - wall) / 1000).toFixed(2)} s wall; ${people.length} mentions, ${found.compared} compared, ${found.droppedBlocks} blocks dropped, ${found.candidates.length} candidates`,
  );
  lines = found.candidates.map((c) => JSON.stringify(c));
}
if (out) await writeFile(out, `${lines.join('\n')}\n`);
if (expect) {
  const expected = (await readFile(expect, 'utf8')).split('\n').filter((l) => l !== '');
  const differing = expected.findIndex((l, i) => l !== lines[i]);
  if (differing >= 0 || expected.length !== lines.length) {
    say(
      `DIFFERENT from ${expect}: ${expected.length} against ${lines.length} candidates; first difference at ${differing}:`,
    );
    say(`  expected ${expected[differing] ?? '(none)'}`);
    say(`  got      ${lines[differing] ?? '(none)'}`);
    process.exit(1);
  }
  say(`same ${lines.length} candidates (pairs, scores, reasons) as ${expect}`);
}
