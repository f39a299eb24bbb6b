/**
 * The document against what the API really answers: every route's example (the document's own,
 * from the demo data) goes through the local HTTP server, and each answer's status, content type,
 * documented headers and body are held to the documented response with a JSON Schema validator.
 * Response objects are closed, so an undocumented status or member fails. Then a client's types,
 * generated from the document by openapi-typescript, must accept those same answers (tsc).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS from 'openapi-typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXAMPLES, EXAMPLES_AT } from '../../functions/lib/api-doc/examples';
import { parseRouteKey, ROUTES } from '../../functions/routes';
import type { LocalStack } from '../../local/runtime';
import { testStack } from '../support/stack';

type Response = { content?: Record<string, { schema: object }>; headers?: Record<string, unknown> };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, Response> }>>; components: object };

let stack: LocalStack;
let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

beforeAll(async () => {
  // The demo matter, its items and its docket, dated from the instant the examples are written for.
  stack = await testStack({ noDemoItems: false, clockStart: EXAMPLES_AT });
  doc = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as Doc;
  ajv.addSchema({ $id: 'api', components: doc.components });
});
afterAll(() => stack?.stop());

/** Routes in an order where each finds what it needs: ids come from what earlier routes answered. */
const ORDER = [
  'GET /api/health', 'GET /api/openapi.json', 'GET /api/matters', 'GET /api/matters/{matterId}', 'POST /api/matters', 'POST /api/requests', 'GET /api/track/{trackingCode}',
  'POST /api/filings', 'POST /api/notices', 'POST /api/productions',
  'GET /api/requests/{id}', 'POST /api/requests/{id}/events', 'GET /api/filings/{id}', 'POST /api/filings/{id}/events',
  'GET /api/notices/{id}', 'POST /api/notices/{id}/events', 'GET /api/productions/{id}', 'POST /api/productions/{id}/events',
  'GET /api/deadlines', 'GET /api/trigger-sets', 'POST /api/trigger-sets/preview', 'GET /api/notifications', 'GET /api/calendar.ics',
  'POST /api/feeds', 'GET /api/feeds', 'GET /api/feeds/{feedToken}/calendar.ics', 'DELETE /api/feeds/{feedId}', 'GET /api/export.csv',
  'GET /api/calendar/days', 'POST /api/calendar/days', 'GET /api/jobs', 'GET /api/jobs/{id}', 'POST /api/jobs/{id}/resume',
  'POST /api/matters/{matterId}/hooks', 'GET /api/matters/{matterId}/hooks', 'POST /api/hooks/courtlistener/{secret}', 'DELETE /api/hooks/{hookId}',
  'GET /api/proposals', 'GET /api/matters/{matterId}/docket', 'POST /api/proposals/{id}/confirm', 'POST /api/proposals/{id}/dismiss',
  'POST /api/inbound/email', 'GET /api/inbound/email', 'GET /api/mail/proposals', 'POST /api/mail/proposals/{id}/confirm', 'POST /api/mail/proposals/{id}/dismiss',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const answers: { routeKey: string; status: number; contentType: string; body: Json }[] = [];

it('answers every route\'s example as documented: status, content type, headers and body', async () => {
  expect([...ORDER].sort()).toEqual(ROUTES.map((r) => r.routeKey).sort());
  const seen: Record<string, Json> = {};
  const ids: Record<string, (param: string) => string> = {
    'GET /api/track/{trackingCode}': () => seen['POST /api/requests'].trackingCode,
    'GET /api/feeds/{feedToken}/calendar.ics': () => seen['POST /api/feeds'].path.split('/')[3],
    'DELETE /api/feeds/{feedId}': () => seen['POST /api/feeds'].id,
    'POST /api/hooks/courtlistener/{secret}': () => seen['POST /api/matters/{matterId}/hooks'].path.split('/').pop(),
    'DELETE /api/hooks/{hookId}': () => seen['POST /api/matters/{matterId}/hooks'].id,
    'GET /api/jobs/{id}': () => seen['POST /api/calendar/days'].job.id,
    'POST /api/jobs/{id}/resume': () => seen['POST /api/calendar/days'].job.id,
    // A proposal that creates a filing, and another to dismiss.
    'POST /api/proposals/{id}/confirm': () => seen['GET /api/proposals'].proposals.find((p: Json) => p.label === 'Appellee brief due (D.C. Circuit)').id,
    'POST /api/proposals/{id}/dismiss': () => seen['GET /api/proposals'].proposals.find((p: Json) => p.status === 'pending' && p.kind === 'disclosure_notice').id,
    // The acknowledgment's tracking number to confirm, its extension to dismiss.
    'POST /api/mail/proposals/{id}/confirm': () => seen['GET /api/mail/proposals'].proposals.find((p: Json) => p.event.type === 'acknowledged').id,
    'POST /api/mail/proposals/{id}/dismiss': () => seen['GET /api/mail/proposals'].proposals.find((p: Json) => p.event.type === 'extension_notice').id,
  };
  const created = { requests: 'POST /api/requests', filings: 'POST /api/filings', notices: 'POST /api/notices', productions: 'POST /api/productions' } as Record<string, string>;

  for (const routeKey of ORDER) {
    const example = EXAMPLES[routeKey]!;
    const { method, path } = parseRouteKey(routeKey);
    const collection = /^\/api\/(\w+)\/\{id\}/.exec(path)?.[1];
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const given = example.path?.[name];
      if (given !== ':demo') return given!;
      return ids[routeKey]?.(name) ?? seen[created[collection!]!].id;
    });
    const query = example.query ? `?${new URLSearchParams(example.query)}` : '';
    const res = await fetch(`${stack.url}${url}${query}`, {
      method,
      headers: { authorization: `Bearer ${stack.teamToken}`, ...(example.body !== undefined ? { 'content-type': example.contentType ?? 'application/json' } : {}), ...example.headers },
      ...(example.body !== undefined ? { body: example.contentType ? String(example.body) : JSON.stringify(example.body) } : {}),
    });
    const text = await res.text();
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const documented = doc.paths[path]![method.toLowerCase()]!.responses;
    expect(Object.keys(documented), `${routeKey} answered ${res.status}: ${text.slice(0, 300)}`).toContain(String(res.status));
    expect.soft(res.status, `${routeKey}: ${text.slice(0, 300)}`).toBe(example.status);
    const answer = documented[String(res.status)]!;
    for (const name of Object.keys(answer.headers ?? {})) expect(res.headers.get(name), `${routeKey} header ${name}`).not.toBeNull();
    if (!answer.content) {
      expect(text, `${routeKey}: no body documented`).toBe('');
      continue;
    }
    expect(Object.keys(answer.content), routeKey).toContain(contentType);
    const body = contentType.endsWith('json') ? JSON.parse(text) : text;
    const schema = JSON.parse(JSON.stringify(answer.content[contentType]!.schema).replaceAll('"#/components/', '"api#/components/'));
    const validate = ajv.compile(schema);
    expect.soft(validate(body), `${routeKey}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
    seen[routeKey] = body;
    answers.push({ routeKey, status: res.status, contentType, body });
  }
  expect(answers.length).toBe(ORDER.length - 2); // the two revocations (204) carry no body
});

it('a client typed by openapi-typescript from the document accepts the real answers (tsc)', async () => {
  expect(answers.length).toBeGreaterThan(30);
  const dir = mkdtempSync(join(tmpdir(), 'docketwatch-client-'));
  writeFileSync(join(dir, 'api.ts'), await openapiTS(doc as never));
  const lines = answers
    .filter((a) => a.contentType.endsWith('json'))
    .map((a, i) => {
      const { method, path } = parseRouteKey(a.routeKey);
      return `export const answer${i}: paths[${JSON.stringify(path)}][${JSON.stringify(method.toLowerCase())}]['responses'][${a.status}]['content'][${JSON.stringify(a.contentType)}] = ${JSON.stringify(a.body)};`;
    });
  writeFileSync(join(dir, 'answers.ts'), `import type { paths } from './api';\n${lines.join('\n')}\n`);
  // A member the document does not name must fail to type-check: the check can fail.
  writeFileSync(join(dir, 'undocumented.ts'), `import type { paths } from './api';\nexport const x: paths['/api/health']['get']['responses'][200]['content']['application/json'] = { status: 'ok', table: 'ok', workflow: 'ok', extra: 1 };\n`);
  const tsc = (file: string) =>
    execFileSync(join(process.cwd(), 'node_modules/.bin/tsc'), ['--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', join(dir, file)], { encoding: 'utf8' });
  try {
    tsc('answers.ts');
  } catch (err) {
    expect.fail(String((err as { stdout?: string }).stdout).slice(0, 3000));
  }
  expect(() => tsc('undocumented.ts')).toThrow();
}, 120_000);
