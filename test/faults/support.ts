/**
 * The real local stack as a user runs it (`node --import tsx local/main.ts`, a child process on
 * its own data folder), for the fault suite: it can be killed, restarted and starved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDynamoLocal } from '../../local/dynamo';
import { freePort } from '../../local/ports';

const ROOT = join(import.meta.dirname, '../..');

export interface ChildStack {
  child: ChildProcess;
  url: string;
  port: number;
  dataDir: string;
  token: string;
  /** Milliseconds from spawn to "Press Ctrl-C to stop." */
  startupMs: number;
  output(): string;
  /** The DynamoDB Local process serving it now (from its pid file). */
  dynamoPid(): number | undefined;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'docketwatch-faults-'));
}

export async function startChild(opts: { dataDir?: string; clockStart?: string; port?: number; env?: Record<string, string> } = {}): Promise<ChildStack> {
  const dataDir = opts.dataDir ?? newDataDir();
  const port = opts.port ?? (await freePort());
  const started = Date.now();
  const child = spawn(join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', 'local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR', SMTP_PORT: '0', ...(opts.clockStart ? { CLOCK_START: opts.clockStart } : {}), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out = (out + b.toString()).slice(-20_000)));
  child.stderr!.on('data', (b: Buffer) => (out = (out + b.toString()).slice(-20_000)));
  await new Promise<void>((resolve, reject) => {
    const onData = () => out.includes('Press Ctrl-C to stop.') && resolve();
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`local stack exited with ${code}:\n${out}`)));
  });
  const startupMs = Date.now() - started;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    token: readFileSync(join(dataDir, 'team.jwt'), 'utf8').trim(),
    startupMs,
    output: () => out,
    dynamoPid: () => {
      const file = join(dataDir, 'dynamodb', 'dynamodb-local.pid');
      return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export { isDynamoLocal };

/** Waits for a condition, bounded; polls because the condition lives in another process. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const intakeBody = (n: number) => ({
  kind: 'foia',
  agency: 'IRS',
  requester: { name: `Fault Requester ${n}`, email: `fault${n}@example.org` },
  description: `Records of the IRS-ICE data-sharing agreement, request ${n}.`,
  feeWaiver: { requested: false },
  expedited: { requested: false },
});

export interface Answer {
  status: number | 'refused' | 'cut';
  body?: unknown;
  headers?: Headers;
}

/** One request; a connection refused or cut is reported as such instead of thrown. */
export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    return { status: code === 'ECONNREFUSED' ? 'refused' : 'cut' };
  }
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
