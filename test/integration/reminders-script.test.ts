/**
 * `npm run remind -- --now ...` end to end: the script posts to the local-only sweep route
 * (local/sweep-route.ts, served here the way local/runtime.ts's `extra` hook serves it) and
 * prints what the sweep sent.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepRoute } from '../../local/sweep-route';
import type { LocalStack } from '../../local/runtime';
import { FOIA_MARCH, seedItem, seedMatter } from '../support/reminders';
import { testStack } from '../support/stack';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let stack: LocalStack;
let server: Server;
let url: string;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  // The runtime verifies with its issuer's keys; here the stack's own token is the one accepted.
  const verify = async (token: string) => {
    if (token !== stack.teamToken) throw new Error('bad token');
    return decodeJwt(token) as Record<string, unknown>;
  };
  server = createServer((req, res) => {
    void sweepRoute(req, res, new URL(req.url ?? '/', 'http://x'), verify).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await stack?.stop();
});

const remind = (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/remind.ts'), ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('npm run remind', () => {
  it('runs one sweep at --now against the running stack and prints what it sent', async () => {
    const matter = await seedMatter();
    const { item } = await seedItem(matter, [FOIA_MARCH], { watchers: [] });
    const out = await remind('--now', '2026-03-23T08:30:00-04:00', '--url', url, '--token', stack.teamToken);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Sweep at 2026-03-23T12:30:00.000Z: read \d+ due/);
    expect(out.stdout).toMatch(new RegExp(`reminder +D-7 +${matter.team[0]!.id} +${item.id} +Reminder: Agency response due - 2026-03-30 \\(in 7 days\\)`));
    expect(out.stdout).toMatch(new RegExp(`digest +digest-2026-03-23 +${matter.team[0]!.id} +- +Docketwatch digest 2026-03-23: 0 overdue, 1 due`));
    // Again: nothing new.
    const again = await remind('--now', '2026-03-23T08:45:00-04:00', '--url', url, '--token', stack.teamToken);
    expect(again.stdout).not.toContain(item.id);
  });

  it('refuses a bad instant, a bad token, and says when no stack answers', async () => {
    expect((await remind('--now', '2026-03-23T08:30', '--url', url, '--token', stack.teamToken)).code).toBe(2);
    const denied = await remind('--now', '2026-03-23T08:30:00Z', '--url', url, '--token', 'nope');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('401');
    const nobody = await remind('--url', 'http://127.0.0.1:9', '--token', 'x');
    expect(nobody.stderr).toContain('is `npm start` running?');
  });
});
