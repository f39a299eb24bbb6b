/**
 * `npm start` as a user runs it: a child process on its own data folder. Data survives a
 * restart, SIGINT shuts down cleanly, and open items resume their workflows after a restart,
 * catching up on a deadline that passed while the stack was down (CLOCK_START moved forward).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../local/ports';
import { validIntake } from '../support/fixtures';
import type { JsonResponse } from '../support/stack';

const fetchJson = (url: string, init?: RequestInit) => fetch(url, init) as Promise<JsonResponse>;

const ROOT = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'docketwatch-restart-'));
let child: ChildProcess | undefined;

async function start(port: number, clockStart: string): Promise<{ child: ChildProcess; output: () => string }> {
  // As `npm start` runs it: Node itself with the tsx loader, so Ctrl-C reaches our handler directly.
  const proc = spawn(join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', 'local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, CLOCK_START: clockStart, POWERTOOLS_LOG_LEVEL: 'WARN', SMTP_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const onData = () => out.includes('Press Ctrl-C to stop.') && resolve();
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
  child = proc;
  return { child: proc, output: () => out };
}

async function stop(proc: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  proc.kill('SIGINT');
  return exited;
}

/** Waits for a condition on the running stack, bounded. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  if (child && child.exitCode === null) await stop(child);
});

it('keeps data across a restart, resumes open items and catches up on missed deadlines', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const first = await start(port, '2026-03-02T15:00:00Z');
  expect(first.output()).toContain('Node v24.');
  const created = await (
    await fetchJson(`${base}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validIntake()) })
  ).json();
  expect(created.deadlines.find((d: { rule: string }) => d.rule === 'foia.response').due).toBe('2026-03-30');
  // The demo matter came with its items on this first start.
  const firstToken = readFileSync(join(dataDir, 'team.jwt'), 'utf8').trim();
  const demo = await (await fetchJson(`${base}/api/export.csv`, { headers: { authorization: `Bearer ${firstToken}` } })).text();
  expect(demo).toContain('Administrative record (certified list and record)');
  expect(demo).toContain('Opposition to motion for stay pending appeal');
  expect(await stop(first.child)).toBe(0);

  // Back a month later: the response deadline passed while the stack was down.
  const second = await start(port, '2026-04-01T12:00:00Z');
  const token = readFileSync(join(dataDir, 'team.jwt'), 'utf8').trim();
  const tracked = await fetch(`${base}/api/track/${created.trackingCode}`);
  expect(tracked.status).toBe(200);

  const item = await eventually(async () => {
    const res = await fetchJson(`${base}/api/requests/${created.id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    return body.phase === 'exhausted' && body.workflow.state === 'waiting' ? body : undefined;
  }, 'the resumed workflow to mark the missed deadline');
  const response = item.deadlines.find((d: { rule: string }) => d.rule === 'foia.response');
  expect(response.status).toBe('missed');
  expect(item.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'deadline_missed']);
  expect(await stop(second.child)).toBe(0);
  // Two cold starts of the whole stack (DynamoDB Local, the demo's workflows): on a busy two-core
  // machine each can take a minute.
}, 240_000);
