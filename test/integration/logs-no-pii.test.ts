/**
 * Taxpayer data must not leak into logs: an intake (and an event, and a failing request) runs
 * through the handlers with debug logging and metrics on, and no log line carries the
 * requester's name, email, address, phone, the description or the tracking code.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;
const lines: string[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  stack = await testStack({ quiet: false });
  // After the stack's own setup: every log level, and metrics emitted as they would be in Lambda.
  Object.assign(process.env, { POWERTOOLS_LOG_LEVEL: 'DEBUG', POWERTOOLS_METRICS_DISABLED: 'false' });
  http = api(stack);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    // Kept, not echoed: the lines are for the assertions, not for the test report.
    lines.push(String(chunk));
    void rest;
    return true;
  }) as typeof process.stdout.write;
});
afterAll(async () => {
  process.stdout.write = write;
  await stack?.stop();
});

it('logs ids, routes and statuses, never personal data or tracking codes', async () => {
  const body = validIntake({
    requester: { name: 'Ximena Quarrington', email: 'ximena.q@example.org', address: '12 Sycamore Lane, Dayton OH', phone: '+1 937 555 0142' },
    description: 'My own tax return transcripts for 2023 and any record of disclosure to ICE about ITIN 9XX-70-1234.',
  });
  const res = await http.post('/api/requests', body);
  expect(res.status).toBe(201);
  const created = await res.json();
  await stack.workflows.settled(created.id);
  const bad = await http.post('/api/requests', { ...body, requester: { ...body.requester, email: 'ximena.q@@example' } });
  expect(bad.status).toBe(400);
  await http.get(`/api/track/${created.trackingCode}`);

  const log = lines.join('');
  expect(log).toContain('"route":"POST /api/requests"');
  expect(log).toContain(created.id);
  expect(log).toContain('"Intakes"'); // the metric, in embedded metric format
  for (const secret of ['Ximena', 'Quarrington', 'ximena.q', 'Sycamore', '555 0142', 'transcripts', '1234', created.trackingCode]) {
    expect(log, secret).not.toContain(secret);
  }
});
