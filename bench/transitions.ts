/**
 * State transitions per scenario (Standard workflows bill per transition), counted from the
 * local runner's own event log with every wait's timeout firing when it would.
 *
 *   npm run --silent bench:transitions    one JSON line per scenario: {"scenario", "transitions"}
 *   npx tsx bench/transitions.ts --table  the same as a table (part of npm run bench)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocal } from '../local/runtime';
import { countTransitions, SCENARIOS, START } from './transition-scenarios';

const stack = await startLocal({ port: 0, inMemory: true, quiet: true, noDemoItems: true, sweepIntervalMs: 0, clockStart: START, dataDir: mkdtempSync(join(tmpdir(), 'bench-transitions-')) });
const rows: { scenario: string; what: string; transitions: number }[] = [];
try {
  for (const s of SCENARIOS) rows.push({ scenario: s.name, what: s.what, transitions: await countTransitions(stack, s, stack.teamToken) });
} finally {
  await stack.stop();
}
if (process.argv.includes('--table')) {
  console.log('\nStep Functions transitions per scenario (local runner, timers firing when they would)\n');
  console.log('| scenario | transitions | what happens |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.scenario} | ${r.transitions} | ${r.what} |`);
} else {
  for (const r of rows) console.log(JSON.stringify({ scenario: r.scenario, transitions: r.transitions }));
}
