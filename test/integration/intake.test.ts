/**
 * The walking skeleton through the HTTP API: intake, idempotent retry, rejected bad input,
 * tracking, team-only routes, the workflow started at intake. Real SDK, DynamoDB Local.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../local/dynamo';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  http = api(stack);
});
afterAll(() => stack?.stop());

/** What one request stores: the item, its response deadline, its first event, its tracking code. */
const RECORDS_PER_REQUEST = 4;

async function countRecords(): Promise<number> {
  const client = localClient(stack.dynamoEndpoint);
  const out = await client.send(new ScanCommand({ TableName: stack.tableName, Select: 'COUNT' }));
  client.destroy();
  return out.Count ?? 0;
}

describe('health', () => {
  it('answers 200 when the table and the workflow runner answer', async () => {
    const res = await http.get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', table: 'ok', workflow: 'ok' });
  });
});

describe('POST /api/requests', () => {
  it('creates a request with an unguessable tracking code and its response deadline', async () => {
    const clock = await import('../../functions/lib/clock');
    clock.freezeClock('2026-03-02T15:00:00.000Z');
    const res = await http.post('/api/requests', validIntake()).finally(() => clock.setClock('2026-03-02T15:00:00.000Z'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.id).toMatch(/^[0-9A-Z]{26}$/);
    // 26 symbols of 5 bits: 130 bits.
    expect(body.trackingCode.replace(/-/g, '')).toHaveLength(26);
    expect(body.phase).toBe('awaiting_response');
    expect(body.receivedAt).toBe('2026-03-02T15:00:00.000Z'); // received now, by the runtime clock
    const response = body.deadlines.find((d: { rule: string }) => d.rule === 'foia.response');
    // Monday 2026-03-02 + 20 working days (no holidays in between) = Monday 2026-03-30.
    expect(response.due).toBe('2026-03-30');
    expect(response.status).toBe('open');
    expect(response.receipt.length).toBeGreaterThan(0);
    expect(body.trackUrl).toBe(`${stack.url}/track/${body.trackingCode}`);
  });

  it('starts the item’s workflow, named by its id, which then waits for an event or the deadline', async () => {
    const { id } = await (await http.post('/api/requests', validIntake())).json();
    const execution = await stack.workflows.settled(id);
    expect(execution?.status).toBe('RUNNING');
    expect(stack.workflows.isWaiting(id)).toBe(true);
    const item = await (await http.get(`/api/requests/${id}`, stack.teamToken)).json();
    expect(item.workflow).toEqual({ execution: id, state: 'waiting' });
  });

  it('returns the first result for a retry with the same Idempotency-Key, and stores one item', async () => {
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const before = await countRecords();
    const first = await http.post('/api/requests', validIntake(), headers);
    const afterFirst = await countRecords();
    const second = await http.post('/api/requests', validIntake(), headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await second.json()).id).toBe((await first.json()).id);
    expect(await countRecords()).toBe(afterFirst);
    expect(afterFirst - before).toBe(RECORDS_PER_REQUEST + 1); // and the idempotency record
  });

  it('answers concurrent retries with one item', async () => {
    const headers = { 'idempotency-key': 'concurrent-0001' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => http.post('/api/requests', validIntake(), headers)));
    const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()).id)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(ids.size).toBe(1);
  });

  it('refuses to reuse an Idempotency-Key for a different body', async () => {
    const headers = { 'idempotency-key': 'reuse-test-0001' };
    expect((await http.post('/api/requests', validIntake(), headers)).status).toBe(201);
    const res = await http.post('/api/requests', validIntake({ agency: 'ICE' }), headers);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('rejects bad input with problem+json naming each field, and writes nothing', async () => {
    const before = await countRecords();
    const res = await http.post('/api/requests', validIntake({ kind: 'subpoena', requester: { name: '', email: 'not-an-email' }, extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await res.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'kind', 'requester.email', 'requester.name']);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(await countRecords()).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"kind":', 'The body is not valid JSON'],
    ['an array', '[]', 'The request has invalid fields'],
    ['an empty body', '', 'The body is empty; send a JSON object'],
  ])('rejects %s', async (_, raw, detail) => {
    const res = await http.post('/api/requests', raw);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toBe(detail);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await http.post('/api/requests', validIntake({ description: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
  });

  it('refuses team-only fields from the public', async () => {
    const res = await http.post('/api/requests', validIntake({ matterId: 'ctr-v-irs' }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('matterId');
  });

  it('lets the team file a request under a matter with its own receipt date', async () => {
    const res = await http.post('/api/requests', validIntake({ matterId: 'ctr-v-irs', receivedAt: '2026-02-27' }), {
      authorization: `Bearer ${stack.teamToken}`,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.matterId).toBe('ctr-v-irs');
    expect(body.receivedAt).toBe('2026-02-27');
  });

  it('rejects a forged team token with 401', async () => {
    const [h, p] = stack.teamToken.split('.');
    const res = await http.post('/api/requests', validIntake(), { authorization: `Bearer ${h}.${p}.AAAA` });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/track/{code}', () => {
  it('shows the phase, the response deadline and public events, and nothing private', async () => {
    const created = await (await http.post('/api/requests', validIntake())).json();
    const res = await http.get(`/api/track/${created.trackingCode}`);
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.phase).toBe('awaiting_response');
    expect(view.nextDeadline).toMatchObject({ rule: 'foia.response', due: '2026-03-30' });
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
    const text = JSON.stringify(view);
    expect(text).not.toContain('maria@example.org');
    expect(text).not.toContain('Maria Gonzalez');
    expect(text).not.toContain(created.id);
  });

  it('accepts a code typed in lower case', async () => {
    const created = await (await http.post('/api/requests', validIntake())).json();
    expect((await http.get(`/api/track/${created.trackingCode.toLowerCase()}`)).status).toBe(200);
  });

  it.each(['AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA', 'nonsense', '%00'])('answers 404 for %s', async (code) => {
    const res = await http.get(`/api/track/${code}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('team routes', () => {
  it('need a team token', async () => {
    expect((await http.get('/api/matters')).status).toBe(401);
    const res = await http.get('/api/matters', stack.teamToken);
    expect(res.status).toBe(200);
    const { matters } = await res.json();
    expect(matters.map((m: { id: string }) => m.id)).toContain('ctr-v-irs');
  });

  it('show an item with its deadlines, receipts and events', async () => {
    const created = await (await http.post('/api/requests', validIntake({ expedited: { requested: true, justification: 'Urgency to inform the public.' } }))).json();
    const item = await (await http.get(`/api/requests/${created.id}`, stack.teamToken)).json();
    expect(item.deadlines.map((d: { rule: string }) => d.rule).sort()).toEqual(['foia.expedite_decision', 'foia.response']);
    expect(item.events[0]).toMatchObject({ type: 'submitted', seq: 1 });
    expect(item.workflow.taskToken).toBeUndefined();
    expect(item.request.requester.email).toBe('maria@example.org');
  });

  it('answer 404 for an unknown item', async () => {
    expect((await http.get('/api/requests/01ARZ3NDEKTSV4RRFFQ69G5FAV', stack.teamToken)).status).toBe(404);
  });
});
