/**
 * The OpenAPI 3.1 document of the HTTP API, built from the route table (functions/routes.ts),
 * the request body schemas the handlers validate with (core/) and the response schemas
 * (responses.ts), plus an operation description per route written here. A route without a
 * description appears marked `x-undocumented` (and its test fails).
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema';
import { CalendarDayBody } from '../../../core/calendar-change';
import { COLLECTIONS, type Collection } from '../../../core/collections';
import { FilingBody, NoticeBody, ProductionBody, TriggerSetFilingBody } from '../../../core/court-items';
import { FeedBody } from '../../../core/feed-input';
import { PublicIntakeBody, teamIntakeBody } from '../../../core/intake';
import { eventTypesFor, eventBody } from '../../../core/lifecycle/events';
import { MatterBody } from '../../../core/matter-input';
import { TriggerSetPreviewBody } from '../../../core/trigger-set-items';
import type { ItemKind } from '../../../core/model';
import { DOCKET_OPERATIONS } from './docket';
import { MAIL_OPERATIONS } from './mail';
import { EXAMPLES, SAMPLE_ID } from './examples';
import { RESPONSE_SCHEMAS } from './responses';

import { BODY_ANSWERS, bodySchema, CONFLICT, FIELD_ERRORS, NOT_FOUND, pathParam, problem, query, RATE_LIMITED, ref, STORE_DOWN, type Answer, type Operation, type Schema } from './parts';
export type { Schema };

export interface RouteLike {
  readonly routeKey: string;
  readonly auth: 'public' | 'team' | 'publicOrTeam';
  readonly admin?: boolean;
}

const KINDS = ['foia', 'privacy_act', 'record_production', 'filing', 'disclosure_notice'];
const STATUS_FILTERS = [
  query('matter', 'Only items of this matter (its id)'),
  query('kind', 'Only items of this kind', { type: 'string', enum: KINDS }),
  query('agency', 'Only items addressed to this agency (case-insensitive)'),
  query('person', 'Only items this person owns or watches (person id or email)'),
];
const now = () => new Date();

const ITEM_LABEL: Record<Collection, string> = {
  requests: 'record request (FOIA / Privacy Act)',
  filings: 'filing',
  notices: 'disclosure notice',
  productions: 'court-ordered production',
};
const COLLECTION_KIND: Record<Collection, ItemKind> = { requests: 'foia', filings: 'filing', notices: 'disclosure_notice', productions: 'record_production' };

/** Every event an item of the collection takes: one closed schema per type, told apart by `type`. */
function eventSchema(c: Collection): Schema {
  const kinds: ItemKind[] = c === 'requests' ? ['foia', 'privacy_act'] : [COLLECTION_KIND[c]];
  const types = [...new Set(kinds.flatMap((k) => eventTypesFor(k).map((e) => e.type)))];
  return { oneOf: types.map((t) => bodySchema(eventBody(t, now()))), description: 'One event: `type`, `at` (ISO date, that day at the court, or a date-time with offset; not in the future except a hearing date) and the fields of that type' };
}

/** Operations by route key; collection routes are described by their pattern below. */
const OPERATIONS: Record<string, Operation> = {
  ...DOCKET_OPERATIONS,
  ...MAIL_OPERATIONS,
  'GET /api/health': {
    summary: 'Health of the table and the workflow runner',
    responses: { '200': { description: 'Both answer', body: 'Health' }, '503': { description: 'Something does not answer', body: 'Health' } },
  },
  'GET /api/openapi.json': {
    summary: 'This document',
    responses: { '200': { description: 'OpenAPI 3.1 document', body: { json: { type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: { const: '3.1.0' } }, additionalProperties: true } } } },
  },
  'POST /api/requests': {
    summary: 'Intake of a FOIA or Privacy Act record request',
    description: 'Public (rate-limited) or team. A team token also allows `matterId` and `receivedAt` (not in the future). A fee waiver or expedited processing requested needs its `justification`. An `Idempotency-Key` header makes retries safe.',
    parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 255 } }],
    request: { schema: { anyOf: [bodySchema(PublicIntakeBody), { ...bodySchema(teamIntakeBody(now())), description: 'With a team token' }] } },
    responses: {
      '201': { description: 'Created; the receipt with the tracking code and first deadlines', body: 'IntakeReceipt' },
      '200': { description: 'A retry with the same Idempotency-Key and body: the first receipt', body: 'IntakeReceipt' },
      '400': FIELD_ERRORS,
      ...BODY_ANSWERS,
      '422': problem('Idempotency-Key reused with another body'),
      '429': RATE_LIMITED,
      '503': STORE_DOWN,
    },
  },
  'GET /api/track/{trackingCode}': {
    summary: 'The requester’s view of one request',
    parameters: [pathParam('trackingCode', 'The code on the intake receipt')],
    responses: { '200': { description: 'Phase, next deadline, public events', body: 'PublicView' }, '404': NOT_FOUND, '429': RATE_LIMITED },
  },
  'GET /api/matters': {
    summary: 'Matters and their teams',
    responses: { '200': { description: 'Matters, and who public requests not yet filed under a matter go to', body: 'MatterList' } },
  },
  'GET /api/matters/{matterId}': {
    summary: 'One matter with its items and every deadline (open, met, missed, superseded): the matter page and its docket report',
    parameters: [pathParam('matterId', 'The matter’s id')],
    responses: { '200': { description: 'The matter and its items, oldest first, each with its deadlines soonest first', body: 'MatterDetail' }, '404': NOT_FOUND },
  },
  'POST /api/matters': {
    summary: 'A new matter and its team (admin); the team receives its reminders and alerts',
    description: 'Person ids are unique within the team; `timeZone` is an IANA zone (default America/New_York).',
    request: { schema: bodySchema(MatterBody) },
    responses: { '201': { description: 'The matter', body: 'Matter' }, '400': FIELD_ERRORS, ...BODY_ANSWERS, '409': problem('A matter with that id exists') },
  },
  'POST /api/filings': {
    summary: 'A filing the team must make, from a trigger and a court rule, or from a trigger set',
    description: 'The deadline is computed at once, with its receipt. `params` are the rule\'s: `days` (frcp6.days, frcp6.days+mail, court_order.fixed, and a period the Court directed where the rule allows one), `hours` (frcp6.hours), `date` (court_order.fixed, instead of days), `direction` (`after` or `before`; frcp6.days and court_order.fixed), `answer_served` / `dispositive_motion_filed` (lcvr7n.certified_list). `trigger.at` is a date or a date-time with offset; only a `hearing_set` trigger may lie ahead. The other shape names a `triggerSet` instead of a `rule`: the filing then holds every deadline of the set listed in `keep` (all of them if `keep` is absent), and a `trigger_changed` event recomputes and supersedes all of them.',
    request: { schema: { oneOf: [bodySchema(FilingBody(now())), bodySchema(TriggerSetFilingBody(now()))] } },
    responses: { '201': { description: 'Created', body: 'TeamView' }, '400': FIELD_ERRORS, ...BODY_ANSWERS, '404': problem('No such matter') },
  },
  'GET /api/trigger-sets': {
    summary: 'Every trigger set: the event, and the deadlines (links) it sets',
    responses: { '200': { description: 'Trigger sets', body: 'TriggerSetList' } },
  },
  'POST /api/trigger-sets/preview': {
    summary: 'Every deadline a trigger would set, each with its receipt; nothing is written',
    description: 'The lawyer keeps or drops each one, then creates the filing with `POST /api/filings` and `keep`.',
    request: { schema: bodySchema(TriggerSetPreviewBody(now())) },
    responses: { '200': { description: 'The deadlines the trigger sets', body: 'TriggerSetPreview' }, '400': FIELD_ERRORS, ...BODY_ANSWERS },
  },
  'POST /api/notices': {
    summary: 'A notice that the agency intends to share data (24-hour window)',
    description: 'The window is counted under Fed. R. Civ. P. 6(a)(2): a notice received on a Friday afternoon closes at the same time on Monday (6(a)(2)(C)). `receivedAt` carries its offset; a bare date is refused.',
    request: { schema: bodySchema(NoticeBody(now())) },
    responses: { '201': { description: 'Created', body: 'TeamView' }, '400': FIELD_ERRORS, ...BODY_ANSWERS, '404': problem('No such matter') },
  },
  'POST /api/productions': {
    summary: 'A court-ordered production (e.g. the administrative record)',
    description: 'From an order (`order: {orderedAt, days}` or `{orderedAt, due}`) or from LCvR 7(n) (`lcvr7n: {answerServed, dispositiveMotionFiled?}`), exactly one of the two.',
    request: { schema: bodySchema(ProductionBody(now())) },
    responses: { '201': { description: 'Created', body: 'TeamView' }, '400': FIELD_ERRORS, ...BODY_ANSWERS, '404': problem('No such matter') },
  },
  'GET /api/deadlines': {
    summary: 'Open deadlines soonest first, across matters, with their item',
    parameters: [
      query('within', 'ISO 8601 duration from now, e.g. P14D or PT48H; overdue deadlines are always included'),
      ...STATUS_FILTERS,
      query('include', 'missed: also the deadlines of open items that passed unmet in the last 30 days; superseded: also the records those deadlines replaced; or both, comma-separated', { type: 'string', enum: ['missed', 'superseded', 'missed,superseded', 'superseded,missed'] }),
    ],
    responses: { '200': { description: 'Deadlines', body: 'DeadlineList' }, '400': FIELD_ERRORS },
  },
  'GET /api/notifications': {
    summary: 'Reminders and alerts that were sent',
    parameters: [query('item', 'Only those about this item')],
    responses: { '200': { description: 'Notifications', body: 'NotificationList' }, '400': FIELD_ERRORS },
  },
  'GET /api/calendar.ics': {
    summary: 'Open deadlines as an iCalendar feed (RFC 5545)',
    description: 'One VEVENT per open deadline; the UID stays the same when a deadline moves and SEQUENCE grows.',
    parameters: STATUS_FILTERS,
    responses: { '200': { description: 'iCalendar', body: { text: 'text/calendar' } }, '400': FIELD_ERRORS },
  },
  'GET /api/feeds/{feedToken}/calendar.ics': {
    summary: 'A personal calendar feed, authorised by the secret in its URL',
    description: 'For calendar apps, which cannot send headers: the URL carries a revocable secret (`feedToken`, shown once when the feed is created) instead of a team token.',
    parameters: [pathParam('feedToken', 'The feed\'s secret URL segment, `<feedId>.<secret>`')],
    secretInPath: 'feedToken',
    responses: { '200': { description: 'iCalendar', body: { text: 'text/calendar' } }, '404': NOT_FOUND },
  },
  'GET /api/feeds': {
    summary: 'The signed-in member’s own calendar feeds, newest first',
    description: 'Live and revoked feeds, without their secrets (the URL is shown only when a feed is created).',
    responses: { '200': { description: 'Feeds', body: 'FeedList' } },
  },
  'POST /api/feeds': {
    summary: 'Create a personal calendar feed URL',
    description: 'The secret is shown once; the table keeps only its hash.',
    request: { schema: bodySchema(FeedBody), required: false },
    responses: { '201': { description: 'Created', body: 'Feed' }, '400': FIELD_ERRORS, ...BODY_ANSWERS },
  },
  'DELETE /api/feeds/{feedId}': {
    summary: 'Revoke a personal calendar feed',
    parameters: [pathParam('feedId', 'The feed\'s id', { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' })],
    responses: { '204': { description: 'Revoked' }, '404': NOT_FOUND },
  },
  'GET /api/calendar/days': {
    summary: 'Days added to the court calendar (closures, holidays) and the calendar version in force',
    responses: { '200': { description: 'Calendar days', body: 'CalendarDays' } },
  },
  'POST /api/calendar/days': {
    summary: 'Add a closure, court closure or holiday (admin); a job recomputes and supersedes the open deadlines it can move',
    description: 'Only a court closure names a `court`. The answer comes at once with the job (`Location: /api/jobs/{id}`).',
    request: { schema: bodySchema(CalendarDayBody) },
    responses: {
      '202': { description: 'Added; the new calendar version and the job carrying the day to open deadlines', body: 'CalendarDayAdded', headers: { location: { description: 'The job: /api/jobs/{id}', schema: { type: 'string' } } } },
      '400': FIELD_ERRORS,
      ...BODY_ANSWERS,
      '409': problem('That day is already in the calendar'),
    },
  },
  'GET /api/jobs': {
    summary: 'The newest background jobs (calendar changes) and where each stands',
    responses: { '200': { description: 'Jobs, newest first', body: 'JobList' } },
  },
  'GET /api/jobs/{id}': {
    summary: "A job's progress and summary: what it moved, per matter and per item (the member's matters only)",
    parameters: [pathParam('id', "The job's id", { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' })],
    responses: { '200': { description: 'The job and its summary', body: 'JobDetail' }, '404': NOT_FOUND },
  },
  'POST /api/jobs/{id}/resume': {
    summary: 'Resume a failed job from its last unfinished page (admin)',
    parameters: [pathParam('id', "The job's id", { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' })],
    responses: {
      '202': { description: 'Running again', body: 'JobRunning', headers: { location: { description: 'The job: /api/jobs/{id}', schema: { type: 'string' } } } },
      '404': NOT_FOUND,
      '409': problem('The job is not failed (running or done)'),
    },
  },
  'GET /api/export.csv': {
    summary: 'Every item and deadline as CSV',
    description: 'RFC 4180; cells a spreadsheet would read as formulas are prefixed with an apostrophe.',
    parameters: STATUS_FILTERS,
    responses: { '200': { description: 'CSV', body: { text: 'text/csv' } }, '400': FIELD_ERRORS },
  },
};

const COLLECTION_ROUTE = /^(GET|POST) \/api\/(\w+)\/\{id\}(\/events)?$/;

function operationFor(routeKey: string): Operation {
  const known = OPERATIONS[routeKey];
  if (known) return known;
  const m = COLLECTION_ROUTE.exec(routeKey);
  const what = m ? ITEM_LABEL[m[2] as Collection] : undefined;
  if (m && what) {
    const id = pathParam('id', `The ${what}'s id`, { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' });
    if (m[1] === 'GET' && !m[3]) {
      return { summary: `A ${what} with its phase, deadlines (with receipts) and events`, parameters: [id], responses: { '200': { description: 'Team view', body: 'TeamView' }, '404': NOT_FOUND } };
    }
    if (m[1] === 'POST' && m[3]) {
      return {
        summary: `Record an event on a ${what}`,
        parameters: [id],
        request: { schema: eventSchema(m[2] as Collection) },
        responses: { '200': { description: 'The item after the event', body: 'TeamView' }, '400': FIELD_ERRORS, ...BODY_ANSWERS, '404': NOT_FOUND, '409': CONFLICT },
      };
    }
  }
  // A new route still appears (the document lists every route), marked so the test fails
  // until someone describes it here; the API's own document never breaks over it.
  return { summary: routeKey, undocumented: true, responses: { default: { description: 'Not yet described' } } };
}

function securityFor(route: RouteLike, op: Operation): Schema[] {
  if (route.auth === 'team') return [{ teamJwt: route.admin ? ['admin'] : [] }];
  if (route.auth === 'publicOrTeam') return [{}, { teamJwt: [] }];
  // A secret in the path (a feed, a webhook) is not a scheme OpenAPI can name: `x-secret-in-path` says which.
  return [];
}

function responseObject(answer: Answer): Schema {
  const body = answer.body;
  const content =
    body === undefined
      ? undefined
      : typeof body === 'string'
        ? { [body === 'Problem' ? 'application/problem+json' : 'application/json']: { schema: ref(body) } }
        : 'text' in body
          ? { [body.text]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: body.json } };
  return { description: answer.description, ...(answer.headers ? { headers: answer.headers } : {}), ...(content ? { content } : {}) };
}

/** Parameter examples and the request example, from the demo data. */
function withExamples(routeKey: string, op: Operation) {
  const ex = EXAMPLES[routeKey];
  const parameters = op.parameters?.map((p) => {
    const value = p.in === 'path' ? ex?.path?.[p.name as string] : p.in === 'query' ? ex?.query?.[p.name as string] : ex?.headers?.[p.name as string];
    return value === undefined ? p : { ...p, example: value === ':demo' ? (p.name === 'id' || String(p.name).endsWith('Id') ? SAMPLE_ID : `${SAMPLE_ID}.secret`) : value };
  });
  return { parameters, example: ex?.body };
}

export function buildOpenApi(routes: readonly RouteLike[], info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const [method = '', path = ''] = route.routeKey.split(' ');
    const op = operationFor(route.routeKey);
    const responses: Record<string, unknown> = Object.fromEntries(Object.entries(op.responses).map(([status, a]) => [status, responseObject(a)]));
    if (route.auth !== 'public') {
      // A route that takes a secret instead of a token answers its own 401.
      responses['401'] ??= { description: 'Missing, expired or invalid team token', content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'], additionalProperties: false } } } };
      responses['403'] = responseObject(problem(route.admin ? 'Signed in, but not an administrator of the legal team' : 'Signed in, but not a member of the legal team'));
    }
    if (!op.undocumented && !responses['503']) responses['503'] = responseObject(STORE_DOWN);
    if (!op.undocumented) responses['500'] = responseObject(problem('Something went wrong on our side; nothing was changed unless a receipt was shown'));
    const { parameters, example } = withExamples(route.routeKey, op);
    (paths[path] ??= {})[method.toLowerCase()] = {
      operationId: `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.undocumented ? { 'x-undocumented': true } : {}),
      ...(op.secretInPath ? { 'x-secret-in-path': op.secretInPath } : {}),
      ...(parameters ? { parameters } : {}),
      ...(op.request
        ? { requestBody: { required: op.request.required ?? true, content: { [op.request.mediaType ?? 'application/json']: { schema: op.request.schema, ...(example !== undefined ? { example } : {}) } } } }
        : {}),
      security: securityFor(route, op),
      responses,
    };
  }
  const schemas = JSON.parse(JSON.stringify(toJsonSchemaDefs(RESPONSE_SCHEMAS, { errorMode: 'ignore' })).replaceAll('#/$defs/', '#/components/schemas/')) as Record<string, Schema>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Docketwatch API',
      version: info.version,
      description: 'Deadlines of FOIA / Privacy Act requests and D.D.C. litigation, each with its computation receipt. Errors are application/problem+json; bad input is a 4xx and writes nothing.',
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    paths,
    components: {
      securitySchemes: {
        teamJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token of a member of the team group (the `admin` scope: also of the admin group). Locally: the development sign-in. Calendar feeds and the CourtListener webhook authorise by a revocable secret in their path instead (`x-secret-in-path`).',
        },
      },
      schemas,
    },
  };
}

export { COLLECTIONS };
