/**
 * Soak: `npm start` as a user runs it (a child process on its own data folder, DynamoDB Local
 * beside it), 1,400 intakes over HTTP (logged by a team member), 8 at a time; printed: the resident memory of the
 * process tree (the Node process and DynamoDB Local's Java) idle after start-up, after the
 * intakes, and after they have settled, with ratios to idle. Goal: after the intakes, within 1.5x.
 *
 *   npx tsx bench/soak.ts             (SOAK_INTAKES=1400 to change the count)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../local/ports';
import { printTable } from './table';

const INTAKES = Number(process.env.SOAK_INTAKES ?? '1400');
const AT_ONCE = 8;
const ROOT = path.join(import.meta.dirname, '..');

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const rss = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss(p);
    stack.push(...children(p));
  }
  return total;
}

const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'docketwatch-soak-'));
const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', 'local/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR', SWEEP_INTERVAL_MS: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
await new Promise<void>((resolve, reject) => {
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    if (out.includes('Press Ctrl-C to stop.')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const token = readFileSync(path.join(dataDir, 'team.jwt'), 'utf8').trim();
const settle = () => new Promise((r) => setTimeout(r, 10_000));
await settle();
const idle = treeRss(child.pid!);

const began = performance.now();
let next = 0;
let refused = 0;
await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    while (next < INTAKES) {
      const n = next++;
      const res = await fetch(`${base}/api/requests`, {
        method: 'POST',
        // A team token: the public rate limit (60 a minute from one address) would stop a soak.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ kind: 'foia', agency: 'IRS', requester: { name: `Soak ${n}`, email: `soak${n}@example.org` }, description: `Records of the data-sharing agreement, request ${n}.`, feeWaiver: { requested: false }, expedited: { requested: false } }),
      });
      if (res.status !== 201) refused++;
      await res.arrayBuffer();
    }
  }),
);
const intakeMs = performance.now() - began;
const after = treeRss(child.pid!);
await settle();
const settled = treeRss(child.pid!);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
console.log(`Soak: ${INTAKES} intakes over HTTP (${AT_ONCE} at a time) in ${(intakeMs / 1000).toFixed(1)} s, ${refused} not 201`);
printTable(
  ['when', 'process tree RSS', 'ratio to idle'],
  [
    ['idle after start-up', mib(idle), '1.00'],
    [`after ${INTAKES} intakes`, mib(after), (after / idle).toFixed(2)],
    ['10 s later', mib(settled), (settled / idle).toFixed(2)],
  ],
);
