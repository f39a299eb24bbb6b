/**
 * Bad input and bad tokens against the real local stack: every input of the corpus
 * (corpus/bad-inputs.json) answers a 4xx and writes nothing; every route answers a bad token
 * with 401 (403 for a signed-in person outside the team), never 2xx or 5xx. Counts are printed.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { LOCAL_AWS_ENV } from '../../local/dynamo';
import { intakeBody, json, send, startChild, type ChildStack } from './support';

let stack: ChildStack;
let dynamo: DynamoDBClient;
const ids: Record<string, string> = {};

interface Input {
  name: string;
  method: string;
  path: string;
  auth: 'public' | 'team';
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}
const corpus = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/bad-inputs.json'), 'utf8')) as { inputs: Input[] };

const CLOCK_START = '2026-03-02T15:00:00Z';

/** Every record in the table: what a refused request must leave as it was. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: 'docketwatch', ConsistentRead: true, ExclusiveStartKey }));
    for (const r of page.Items ?? []) {
      // An item's workflow bookkeeping (its state, its token, the version that guards them) is
      // written by its execution whenever it waits again, whatever the requests do.
      const { workflow: _w, version: _v, ...rest } = r.SK?.S === 'ITEM' ? r : { ...r, workflow: undefined, version: undefined };
      out.set(`${r.PK?.S}|${r.SK?.S}`, JSON.stringify(r.SK?.S === 'ITEM' ? rest : r));
    }
    ExclusiveStartKey = page.LastEvaluatedKey as never;
  } while (ExclusiveStartKey);
  return out;
}

beforeAll(async () => {
  // No sweep timer: its ledger entries and notifications would change the table under the test.
  stack = await startChild({ clockStart: CLOCK_START, env: { SWEEP_INTERVAL_MS: '0' } });
  const endpoint = /DynamoDB:\s+(http:\/\/\S+)/.exec(stack.output())![1]!;
  dynamo = new DynamoDBClient({ endpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const team = { authorization: `Bearer ${stack.token}` };
  const made = async (path: string, body: unknown) => {
    const a = await send(`${stack.url}${path}`, json(body, team));
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    return (a.body as { id: string }).id;
  };
  ids.requests = await made('/api/requests', { ...intakeBody(1), matterId: 'ctr-v-irs' });
  ids.filings = await made('/api/filings', { matterId: 'ctr-v-irs', title: 'Opposition', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } });
  ids.notices = await made('/api/notices', { matterId: 'ctr-v-irs', title: 'Notice of intended disclosure', summary: 'Addresses of ITIN holders', receivedAt: '2026-03-02T10:00:00-05:00' });
  ids.productions = await made('/api/productions', { matterId: 'ctr-v-irs', title: 'Administrative record', order: { orderedAt: '2026-03-02', days: 45 } });
}, 240_000);
afterAll(async () => {
  dynamo?.destroy();
  await stack?.stop();
});

/**
 * Start-up resumes every open item's workflow in the background, and a resumed execution may
 * mark a deadline that passed while the stack was down: the snapshot waits until each open item's
 * execution is waiting again, so what it catches up on is not taken for a refused request's write.
 */
async function workflowsWaiting(ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const busy: string[] = [];
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await dynamo.send(new ScanCommand({ TableName: 'docketwatch', ConsistentRead: true, ExclusiveStartKey, FilterExpression: 'SK = :item AND #status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':item': { S: 'ITEM' }, ':open': { S: 'open' } } }));
      for (const r of page.Items ?? []) if (r.workflow?.M?.state?.S !== 'waiting') busy.push(r.PK?.S ?? '');
      // A deadline that passed while the stack was down is still to be marked missed by its execution.
      const overdue = await dynamo.send(new ScanCommand({ TableName: 'docketwatch', ConsistentRead: true, FilterExpression: 'begins_with(SK, :d) AND #status = :open AND dueInstant < :clock', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':d': { S: 'DEADLINE#' }, ':open': { S: 'open' }, ':clock': { S: CLOCK_START } } }));
      for (const r of overdue.Items ?? []) busy.push(r.PK?.S ?? '');
      ExclusiveStartKey = page.LastEvaluatedKey as never;
    } while (ExclusiveStartKey);
    if (busy.length === 0) return;
    if (Date.now() > until) throw new Error(`workflows still running: ${busy.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('answers every input of the bad-input corpus with a 4xx, and none of them writes', async () => {
  await workflowsWaiting();
  const before = await snapshot();
  const results: { name: string; status: number | string }[] = [];
  for (const input of corpus.inputs) {
    const path = input.path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? k);
    const headers: Record<string, string> = { ...(input.headers ?? {}) };
    if (input.contentType) headers['content-type'] = input.contentType;
    if (input.auth === 'team') headers.authorization = `Bearer ${stack.token}`;
    const body = input.raw ?? (input.body === undefined ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body));
    const a = await send(`${stack.url}${path}`, { method: input.method, headers, ...(body !== undefined && input.method !== 'GET' ? { body } : {}) });
    results.push({ name: input.name, status: a.status });
  }
  const after = await snapshot();
  const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
  const fourxx = results.filter((r) => typeof r.status === 'number' && r.status >= 400 && r.status < 500).length;
  const fivexx = results.filter((r) => typeof r.status === 'number' && r.status >= 500);
  console.log(`bad inputs: ${results.length} tried, ${fourxx} 4xx, ${fivexx.length} 5xx, ${changed.length} records written by refused requests ${changed.join(' ')}`);
  expect(fivexx).toEqual([]);
  expect(results.filter((r) => !(typeof r.status === 'number' && r.status >= 400 && r.status < 500))).toEqual([]);
  expect(changed).toEqual([]);
  expect(results.length).toBeGreaterThanOrEqual(100);
});

it('answers every route with 401 for each bad token, 403 for a person outside the team, and never 2xx or 5xx', async () => {
  const jwk = JSON.parse(readFileSync(join(stack.dataDir, 'idp-key.json'), 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const other = await generateKeyPair('ES256', { extractable: true });
  const issuer = `${stack.url}/local-idp`;
  const now = Math.floor(Date.now() / 1000);
  const mint = (claims: Record<string, unknown>, o: { sub?: string; aud?: string; iss?: string; exp?: number; signWith?: Parameters<SignJWT['sign']>[0]; kid?: string } = {}) =>
    new SignJWT({ email: 'jordan.lee@example.org', 'cognito:groups': ['team'], token_use: 'id', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? jwk.kid ?? 'local' })
      .setSubject(o.sub ?? 'associate')
      .setIssuer(o.iss ?? issuer)
      .setAudience(o.aud ?? 'docketwatch-local')
      .setIssuedAt(now - 60)
      .setExpirationTime(o.exp ?? now + 3600)
      .sign(o.signWith ?? key);
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'associate', iss: issuer, aud: 'docketwatch-local', 'cognito:groups': ['admin'], exp: now + 3600 })).toString('base64url')}.`;
  const bad: Record<string, string> = {
    garbage: 'not-a-jwt',
    empty: '',
    unsigned,
    expired: await mint({}, { exp: now - 60 }),
    forged: await mint({}, { signWith: other.privateKey }),
    wrongAudience: await mint({}, { aud: 'another-app' }),
    wrongIssuer: await mint({}, { iss: 'https://evil.example/local-idp' }),
    otherKid: await mint({}, { signWith: other.privateKey, kid: 'attacker' }),
    jwkInHeader: await new SignJWT({ 'cognito:groups': ['admin'] }).setProtectedHeader({ alg: 'ES256', jwk: await exportJWK(other.publicKey) }).setSubject('x').setIssuer(issuer).setAudience('docketwatch-local').setExpirationTime(now + 3600).sign(other.privateKey),
  };
  const outsider = await mint({ 'cognito:groups': [] }, { sub: 'someone' });
  const answers: { route: string; token: string; status: number | string }[] = [];
  for (const route of ROUTES.filter((r) => r.auth === 'team')) {
    const [method, rawPath] = route.routeKey.split(' ') as [string, string];
    const path = rawPath.replace(/\{(\w+)\}/g, (_, p: string) => (p === 'id' ? ids.requests! : '01ARZ3NDEKTSV4RRFFQ69G5FAV'));
    for (const [name, token] of [...Object.entries(bad), ['outsider', outsider] as const]) {
      const a = await send(`${stack.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }) });
      answers.push({ route: route.routeKey, token: name, status: a.status });
    }
  }
  const wrong = answers.filter((a) => a.status !== (a.token === 'outsider' ? 403 : 401));
  console.log(`token matrix: ${answers.length} requests over ${new Set(answers.map((a) => a.route)).size} team routes, ${answers.length - wrong.length} answered as expected`);
  expect(wrong).toEqual([]);
});
