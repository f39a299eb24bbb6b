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

interface TreeRss {
  total: number;
  /** DynamoDB Local's JVM. */
  java: number;
}

/** Resident memory (bytes) of a process and all its descendants, from /proc; the Java part apart. */
function treeRss(pid: number): TreeRss {
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
  const isJava = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')[0]!.endsWith('java');
    } catch {
      return false;
    }
  };
  const out = { total: 0, java: 0 };
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    const r = rss(p);
    out.total += r;
    if (isJava(p)) out.java += r;
    stack.push(...children(p));
  }
  return out;
}

const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'docketwatch-soak-'));
// Exactly the start script's command (its Node flags shape the memory measured), run by Node itself.
const [command, ...args] = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
if (command !== 'node') throw new Error(`the start script does not run node: ${command}`);
const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), args, {
  cwd: ROOT,
  // Ports of its own: another stack on this machine may hold the defaults.
  env: { ...process.env, PORT: String(port), SMTP_PORT: String(await freePort()), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR', SWEEP_INTERVAL_MS: '0' },
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
const row = (when: string, m: TreeRss) => [when, mib(m.total), (m.total / idle.total).toFixed(2), mib(m.total - m.java), mib(m.java)];
console.log(`Soak: ${INTAKES} intakes over HTTP (${AT_ONCE} at a time) in ${(intakeMs / 1000).toFixed(1)} s, ${refused} not 201`);
printTable(
  ['when', 'process tree RSS', 'ratio to idle', 'of which Node', 'DynamoDB Local (Java)'],
  [row('idle after start-up', idle), row(`after ${INTAKES} intakes`, after), row('10 s later', settled)],
);
