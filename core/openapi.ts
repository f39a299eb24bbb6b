/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the route table (functions/routes.ts)
 * plus an operation description per route written here. A route without a description appears
 * marked `x-undocumented` (and its test fails), and a test compares the document with the routes
 * the server really serves, so the document cannot drift from the API.
 */
import { RULE_IDS, TRIGGER_SET_IDS } from './deadlines';
import { TRIGGER_TYPES } from './court-items';
import { SERVICE_METHODS } from './deadlines/court-days';
import { COLLECTIONS, type Collection } from './collections';
import { DOCKET_OPERATIONS, DOCKET_SCHEMAS } from './docket/openapi';
import { MAIL_OPERATIONS, MAIL_SCHEMAS } from './letters/openapi';

type Schema = Record<string, unknown>;
type Auth = 'public' | 'team' | 'publicOrTeam';

export interface RouteLike {
  readonly routeKey: string;
  readonly auth: Auth;
}

interface Operation {
  summary: string;
  /** Set on the placeholder of a route nobody described yet. */
  undocumented?: boolean;
  description?: string;
  parameters?: Schema[];
  requestBody?: Schema;
  /** Status → description and optional schema ref/content type. */
  responses: Record<string, { description: string; schema?: Schema; contentType?: string }>;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: Schema, required = true): Schema => ({ required, content: { 'application/json': { schema } } });
const query = (name: string, description: string, schema: Schema = { type: 'string' }): Schema => ({ name, in: 'query', required: false, description, schema });

const FIELD_ERRORS = { description: 'Invalid input; `errors` names each field', schema: ref('Problem'), contentType: 'application/problem+json' };
const NOT_FOUND = { description: 'No such resource', schema: ref('Problem'), contentType: 'application/problem+json' };
const CONFLICT = { description: 'The event does not fit the item’s phase; `detail` says why', schema: ref('Problem'), contentType: 'application/problem+json' };
const STATUS_FILTERS = [
  query('matter', 'Only items of this matter (its id)'),
  query('kind', 'Only items of this kind', { type: 'string', enum: ['foia', 'privacy_act', 'record_production', 'filing', 'disclosure_notice'] }),
  query('agency', 'Only items addressed to this agency (case-insensitive)'),
  query('person', 'Only items this person owns or watches (person id or email)'),
];

/** Rules a filing may count from (the FOIA rules belong to record requests). */
const COURT_RULE_IDS = RULE_IDS.filter((r) => !r.startsWith('foia.'));
export { TRIGGER_TYPES };

const ITEM_LABEL: Record<Collection, string> = {
  requests: 'record request (FOIA / Privacy Act)',
  filings: 'filing',
  notices: 'disclosure notice',
  productions: 'court-ordered production',
};

/** Operations by route key; collection routes are described by their pattern below. */
const OPERATIONS: Record<string, Operation> = {
  ...DOCKET_OPERATIONS,
  ...MAIL_OPERATIONS,
  'GET /api/health': {
    summary: 'Health of the table and the workflow runner',
    responses: { '200': { description: 'Both answer', schema: ref('Health') }, '503': { description: 'Something does not answer', schema: ref('Health') } },
  },
  'GET /api/openapi.json': {
    summary: 'This document',
    responses: { '200': { description: 'OpenAPI 3.1 document', schema: { type: 'object' } } },
  },
  'POST /api/requests': {
    summary: 'Intake of a FOIA or Privacy Act record request',
    description: 'Public (rate-limited) or team. A team token also allows `matterId` and `receivedAt`. An `Idempotency-Key` header makes retries safe.',
    parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 255 } }],
    requestBody: jsonBody(ref('IntakeRequest')),
    responses: {
      '201': { description: 'Created; the receipt with the tracking code and first deadlines', schema: ref('IntakeReceipt') },
      '400': FIELD_ERRORS,
      '413': { description: 'Body too large', schema: ref('Problem'), contentType: 'application/problem+json' },
      '415': { description: 'Not JSON', schema: ref('Problem'), contentType: 'application/problem+json' },
      '422': { description: 'Idempotency-Key reused with another body', schema: ref('Problem'), contentType: 'application/problem+json' },
      '429': { description: 'Too many requests' },
    },
  },
  'GET /api/track/{trackingCode}': {
    summary: 'The requester’s view of one request',
    parameters: [{ name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'Phase, next deadline, public events', schema: ref('PublicView') }, '404': NOT_FOUND, '429': { description: 'Too many requests' } },
  },
  'GET /api/matters': {
    summary: 'Matters and their teams',
    responses: {
      '200': {
        description: 'Matters, and who public requests not yet filed under a matter go to',
        schema: {
          type: 'object',
          properties: {
            matters: { type: 'array', items: ref('Matter') },
            intake: { type: 'object', properties: { matterId: { type: 'string' }, team: { type: 'array', items: ref('Person') } } },
          },
        },
      },
    },
  },
  'POST /api/matters': {
    summary: 'A new matter and its team (admin); the team receives its reminders and alerts',
    requestBody: jsonBody({
      type: 'object',
      required: ['id', 'name', 'team'],
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
        name: { type: 'string', maxLength: 300 },
        court: { type: 'string' },
        docket: { type: 'string' },
        timeZone: { type: 'string', description: 'IANA zone; default America/New_York' },
        team: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['id', 'name', 'email', 'role'],
            properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string', format: 'email' }, role: { type: 'string' } },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    }),
    responses: { '201': { description: 'The matter', schema: ref('Matter') }, '409': { description: 'A matter with that id exists' } },
  },
  'POST /api/filings': {
    summary: 'A filing the team must make, from a trigger and a court rule, or from a trigger set',
    description: 'The deadline is computed at once, with its receipt. `params` are the rule\'s: `days` (frcp6.days, frcp6.days+mail, court_order.fixed, and a period the Court directed where the rule allows one), `hours` (frcp6.hours), `date` (court_order.fixed, instead of days), `direction` (`after` or `before`; frcp6.days and court_order.fixed), `answer_served` / `dispositive_motion_filed` (lcvr7n.certified_list). `trigger.at` is a date or a date-time with offset; only a `hearing_set` trigger may lie ahead. The other shape names a `triggerSet` instead of a `rule`: the filing then holds every deadline of the set listed in `keep` (all of them if `keep` is absent), and a `trigger_changed` event recomputes and supersedes all of them.',
    requestBody: jsonBody({
      type: 'object',
      required: ['matterId', 'trigger'],
      // One rule (with a title), or a trigger set (the title is then optional).
      oneOf: [{ required: ['rule', 'title'] }, { required: ['triggerSet'] }],
      properties: {
        matterId: { type: 'string' },
        title: { type: 'string', maxLength: 200 },
        rule: { type: 'string', enum: COURT_RULE_IDS },
        triggerSet: { type: 'string', enum: TRIGGER_SET_IDS },
        trigger: {
          type: 'object',
          required: ['at'],
          properties: {
            type: { type: 'string', enum: TRIGGER_TYPES, description: 'Required with `rule`' },
            at: { type: 'string', description: 'ISO date, or date-time with offset' },
            service: { type: 'string', enum: SERVICE_METHODS },
          },
          additionalProperties: false,
        },
        params: { type: 'object', description: "The rule's parameters, or the trigger set's yes/no flags (e.g. us_party)" },
        keep: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'With `triggerSet`: the links to keep; all if absent' },
      },
      additionalProperties: false,
    }),
    responses: { '201': { description: 'Created', schema: ref('TeamView') }, '400': FIELD_ERRORS },
  },
  'GET /api/trigger-sets': {
    summary: 'Every trigger set: the event, and the deadlines (links) it sets',
    responses: { '200': { description: 'Trigger sets', schema: { type: 'object', properties: { triggerSets: { type: 'array', items: { type: 'object' } } } } } },
  },
  'POST /api/trigger-sets/preview': {
    summary: 'Every deadline a trigger would set, each with its receipt; nothing is written',
    description: 'The lawyer keeps or drops each one, then creates the filing with `POST /api/filings` and `keep`.',
    requestBody: jsonBody({
      type: 'object',
      required: ['triggerSet', 'trigger'],
      properties: { triggerSet: { type: 'string', enum: TRIGGER_SET_IDS }, trigger: ref('TriggerSetTrigger'), params: { type: 'object' } },
      additionalProperties: false,
    }),
    responses: {
      '200': {
        description: 'The deadlines the trigger sets',
        schema: { type: 'object', properties: { triggerSet: { type: 'string' }, trigger: { type: 'string' }, params: { type: 'object' }, deadlines: { type: 'array', items: { type: 'object' } } } },
      },
      '400': FIELD_ERRORS,
    },
  },
  'POST /api/notices': {
    summary: 'A notice that the agency intends to share data (24-hour window)',
    description: 'The window is counted under Fed. R. Civ. P. 6(a)(2): a notice received on a Friday afternoon closes at the same time on Monday (6(a)(2)(C)).',
    requestBody: jsonBody({
      type: 'object',
      required: ['matterId', 'receivedAt', 'summary'],
      properties: {
        matterId: { type: 'string' },
        receivedAt: { type: 'string', format: 'date-time', description: 'With its offset; a bare date is refused (the window is counted in hours)' },
        summary: { type: 'string', maxLength: 2000 },
        title: { type: 'string', maxLength: 200 },
      },
      additionalProperties: false,
    }),
    responses: { '201': { description: 'Created', schema: ref('TeamView') }, '400': FIELD_ERRORS },
  },
  'POST /api/productions': {
    summary: 'A court-ordered production (e.g. the administrative record)',
    description: 'From an order (`order: {orderedAt, days}` or `{orderedAt, due}`) or from LCvR 7(n) (`lcvr7n: {answerServed, dispositiveMotionFiled?}`), exactly one of the two.',
    requestBody: jsonBody({
      type: 'object',
      required: ['matterId'],
      properties: {
        matterId: { type: 'string' },
        title: { type: 'string', maxLength: 200 },
        order: {
          type: 'object',
          required: ['orderedAt'],
          properties: { orderedAt: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 3660 }, due: { type: 'string', format: 'date' } },
          additionalProperties: false,
        },
        lcvr7n: {
          type: 'object',
          required: ['answerServed'],
          properties: { answerServed: { type: 'string' }, dispositiveMotionFiled: { type: 'string' } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    }),
    responses: { '201': { description: 'Created', schema: ref('TeamView') }, '400': FIELD_ERRORS },
  },
  'GET /api/deadlines': {
    summary: 'Open deadlines soonest first, across matters, with their item',
    parameters: [
      query('within', 'ISO 8601 duration from now, e.g. P14D or PT48H; overdue deadlines are always included'),
      ...STATUS_FILTERS,
      query('include', 'missed: also the deadlines of open items that passed unmet in the last 30 days', { type: 'string', enum: ['missed'] }),
    ],
    responses: { '200': { description: 'Deadlines', schema: ref('DeadlineList') }, '400': FIELD_ERRORS },
  },
  'GET /api/notifications': {
    summary: 'Reminders and alerts that were sent',
    parameters: [query('item', 'Only those about this item')],
    responses: {
      '200': {
        description: 'Notifications',
        schema: {
          type: 'object',
          properties: {
            notifications: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, itemId: { type: 'string' }, deadlineId: { type: 'string' }, kind: { type: 'string' }, rung: { type: 'string' }, recipient: { type: 'string' }, sentAt: { type: 'string', format: 'date-time' }, subject: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
  'GET /api/calendar.ics': {
    summary: 'Open deadlines as an iCalendar feed (RFC 5545)',
    description: 'One VEVENT per open deadline; the UID stays the same when a deadline moves and SEQUENCE grows.',
    parameters: STATUS_FILTERS,
    responses: { '200': { description: 'iCalendar', contentType: 'text/calendar', schema: { type: 'string' } } },
  },
  'GET /api/feeds/{feedToken}/calendar.ics': {
    summary: 'A personal calendar feed, authorised by the secret in its URL',
    description: 'For calendar apps, which cannot send headers. The secret is revocable.',
    parameters: [{ name: 'feedToken', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'iCalendar', contentType: 'text/calendar', schema: { type: 'string' } }, '404': NOT_FOUND },
  },
  'GET /api/feeds': {
    summary: 'The signed-in member’s own calendar feeds, newest first',
    description: 'Live and revoked feeds, without their secrets (the URL is shown only when a feed is created).',
    responses: { '200': { description: 'Feeds', schema: { type: 'object', required: ['feeds'], properties: { feeds: { type: 'array', items: ref('FeedSummary') } } } } },
  },
  'POST /api/feeds': {
    summary: 'Create a personal calendar feed URL',
    description: 'The secret is shown once; the table keeps only its hash.',
    requestBody: jsonBody({ type: 'object', properties: { label: { type: 'string', maxLength: 100 }, matter: { type: 'string' }, person: { type: 'string' } } }, false),
    responses: { '201': { description: 'Created', schema: ref('Feed') }, '400': FIELD_ERRORS },
  },
  'DELETE /api/feeds/{feedId}': {
    summary: 'Revoke a personal calendar feed',
    parameters: [{ name: 'feedId', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '204': { description: 'Revoked' }, '404': NOT_FOUND },
  },
  'GET /api/calendar/days': {
    summary: 'Days added to the court calendar (closures, holidays) and the calendar version in force',
    responses: { '200': { description: 'Calendar days', schema: { type: 'object', properties: { calendarVersion: { type: 'string' }, days: { type: 'array', items: ref('CalendarDay') } } } } },
  },
  'POST /api/calendar/days': {
    summary: 'Add a closure, court closure or holiday (admin); a job recomputes and supersedes the open deadlines it can move',
    requestBody: jsonBody({
      type: 'object',
      required: ['kind', 'date', 'label'],
      properties: {
        kind: { type: 'string', enum: ['holidays', 'closures', 'dcHolidays', 'courtClosures'] },
        date: { type: 'string', format: 'date' },
        label: { type: 'string', maxLength: 300 },
        court: { type: 'string', enum: ['SCOTUS'], description: 'A court closure of the Supreme Court building; without it, the D.C. courthouse (District Court and D.C. Circuit)' },
      },
      additionalProperties: false,
    }),
    responses: {
      '202': { description: 'Added; the new calendar version and the job carrying the day to open deadlines (Location: /api/jobs/{id})', schema: { type: 'object', properties: { calendarVersion: { type: 'string' }, day: ref('CalendarDay'), job: ref('Job') } } },
      '400': FIELD_ERRORS,
      '409': { description: 'That day is already in the calendar', schema: ref('Problem'), contentType: 'application/problem+json' },
    },
  },
  'GET /api/jobs': {
    summary: 'The newest background jobs (calendar changes) and where each stands',
    responses: { '200': { description: 'Jobs, newest first', schema: { type: 'object', properties: { jobs: { type: 'array', items: ref('Job') } } } } },
  },
  'GET /api/jobs/{id}': {
    summary: "A job's progress and summary: what it moved, per matter and per item (the member's matters only)",
    responses: {
      '200': {
        description: 'The job and its summary',
        schema: {
          type: 'object',
          properties: {
            job: ref('Job'),
            summary: {
              type: 'object',
              properties: {
                byMatter: { type: 'array', items: { type: 'object', properties: { matterId: { type: 'string' }, name: { type: 'string' }, items: { type: 'integer' } } } },
                items: { type: 'array', items: { type: 'object', properties: { itemId: { type: 'string' }, collection: { type: 'string', enum: COLLECTIONS }, matterId: { type: 'string' }, title: { type: 'string' }, moved: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } } } } } },
              },
            },
          },
        },
      },
      '404': NOT_FOUND,
    },
  },
  'POST /api/jobs/{id}/resume': {
    summary: 'Resume a failed job from its last unfinished page (admin)',
    responses: {
      '202': { description: 'Running again', schema: { type: 'object', properties: { job: ref('Job') } } },
      '404': NOT_FOUND,
      '409': { description: 'The job is not failed (running or done)', schema: ref('Problem'), contentType: 'application/problem+json' },
    },
  },
  'GET /api/export.csv': {
    summary: 'Every item and deadline as CSV',
    description: 'RFC 4180; cells a spreadsheet would read as formulas are prefixed with an apostrophe.',
    responses: { '200': { description: 'CSV', contentType: 'text/csv', schema: { type: 'string' } } },
  },
};

const COLLECTION_ROUTE = /^(GET|POST) \/api\/(\w+)\/\{id\}(\/events)?$/;

function operationFor(routeKey: string): Operation {
  const known = OPERATIONS[routeKey];
  if (known) return known;
  const m = COLLECTION_ROUTE.exec(routeKey);
  const what = m ? ITEM_LABEL[m[2] as Collection] : undefined;
  if (m && what) {
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' } };
    if (m[1] === 'GET' && !m[3]) {
      return { summary: `A ${what} with its phase, deadlines (with receipts) and events`, parameters: [id], responses: { '200': { description: 'Team view', schema: ref('TeamView') }, '404': NOT_FOUND } };
    }
    if (m[1] === 'POST' && m[3]) {
      return {
        summary: `Record an event on a ${what}`,
        parameters: [id],
        requestBody: jsonBody(ref('NewEvent')),
        responses: { '200': { description: 'The item after the event', schema: ref('TeamView') }, '400': FIELD_ERRORS, '404': NOT_FOUND, '409': CONFLICT },
      };
    }
  }
  // A new route still appears (the document lists every route), marked so the test fails
  // until someone describes it here; the API's own document never breaks over it.
  return { summary: routeKey, undocumented: true, responses: { default: { description: 'Not yet described' } } };
}

const COMPONENT_SCHEMAS: Record<string, Schema> = {
  ...DOCKET_SCHEMAS,
  ...MAIL_SCHEMAS,
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
      errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    },
  },
  Health: { type: 'object', properties: { status: { type: 'string' }, table: { type: 'string' }, workflow: { type: 'string' } } },
  ReceiptEntry: { type: 'object', required: ['step', 'text'], properties: { step: { type: 'string' }, date: { type: 'string' }, text: { type: 'string' } } },
  Deadline: {
    type: 'object',
    required: ['id', 'rule', 'label', 'due', 'dueInstant', 'status', 'citation', 'calendarVersion', 'receipt'],
    properties: {
      id: { type: 'string' }, rule: { type: 'string' }, label: { type: 'string' },
      due: { type: 'string', description: 'ISO date (day rules) or date-time with offset (hour rules)' },
      dueInstant: { type: 'string', format: 'date-time' },
      status: { type: 'string', enum: ['open', 'met', 'missed', 'superseded'] },
      citation: { type: 'string' }, calendarVersion: { type: 'string' },
      receipt: { type: 'array', items: ref('ReceiptEntry') },
      alternative: { type: 'object', properties: { due: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
  ItemSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' }, collection: { type: 'string', enum: COLLECTIONS }, title: { type: 'string' },
      kind: { type: 'string' }, agency: { type: 'string' }, matterId: { type: 'string' }, phase: { type: 'string' }, phaseLabel: { type: 'string' },
      owner: { type: 'string' }, status: { type: 'string', enum: ['open', 'closed'] },
    },
  },
  DeadlineList: {
    type: 'object',
    required: ['now', 'deadlines'],
    properties: {
      now: { type: 'string', format: 'date-time' },
      within: { type: ['string', 'null'] },
      deadlines: {
        type: 'array',
        items: { allOf: [ref('Deadline'), { type: 'object', properties: { itemId: { type: 'string' }, bucket: { type: 'string', enum: ['overdue', 'today', 'week', 'later'] }, item: ref('ItemSummary') } }] },
      },
    },
  },
  Person: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } } },
  Matter: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, court: { type: 'string' }, docket: { type: 'string' }, timeZone: { type: 'string' }, team: { type: 'array', items: ref('Person') } } },
  Event: {
    type: 'object',
    properties: { seq: { type: 'integer' }, type: { type: 'string' }, at: { type: 'string' }, recordedAt: { type: 'string' }, recordedBy: { type: 'string' }, public: { type: 'boolean' }, data: { type: 'object' } },
  },
  NewEvent: { type: 'object', required: ['type', 'at'], properties: { type: { type: 'string' }, at: { type: 'string', description: 'ISO date-time with offset, or a date (that day at the court)' } }, additionalProperties: true },
  TeamView: {
    type: 'object',
    properties: {
      id: { type: 'string' }, kind: { type: 'string' }, matterId: { type: 'string' }, title: { type: 'string' }, agency: { type: 'string' },
      phase: { type: 'string' }, phaseLabel: { type: 'string' }, status: { type: 'string' }, owner: { type: 'string' },
      workflow: { type: 'object', properties: { execution: { type: 'string' }, state: { type: 'string' } } },
      deadlines: { type: 'array', items: ref('Deadline') },
      events: { type: 'array', items: ref('Event') },
    },
  },
  PublicView: {
    type: 'object',
    properties: {
      trackingCode: { type: 'string' }, kind: { type: 'string' }, agency: { type: 'string' }, phase: { type: 'string' }, phaseLabel: { type: 'string' }, receivedAt: { type: 'string' },
      nextDeadline: { type: ['object', 'null'], properties: { rule: { type: 'string' }, label: { type: 'string' }, due: { type: 'string' } } },
      events: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, label: { type: 'string' }, at: { type: 'string' } } } },
    },
  },
  IntakeRequest: {
    type: 'object',
    required: ['kind', 'agency', 'requester', 'description', 'feeWaiver', 'expedited'],
    properties: {
      kind: { type: 'string', enum: ['foia', 'privacy_act'] },
      agency: { type: 'string' },
      requester: { type: 'object', required: ['name', 'email'], properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, organization: { type: 'string' }, address: { type: 'string' }, phone: { type: 'string' } } },
      description: { type: 'string' },
      dateRange: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
      feeWaiver: { type: 'object', required: ['requested'], properties: { requested: { type: 'boolean' }, justification: { type: 'string' } } },
      expedited: { type: 'object', required: ['requested'], properties: { requested: { type: 'boolean' }, justification: { type: 'string' } } },
      feeLimit: { type: 'number' },
      matterId: { type: 'string', description: 'Team only' },
      receivedAt: { type: 'string', description: 'Team only' },
    },
  },
  IntakeReceipt: {
    type: 'object',
    properties: {
      id: { type: 'string' }, trackingCode: { type: 'string' }, kind: { type: 'string' }, agency: { type: 'string' }, matterId: { type: 'string' },
      phase: { type: 'string' }, phaseLabel: { type: 'string' }, receivedAt: { type: 'string' }, deadlines: { type: 'array', items: ref('Deadline') }, trackUrl: { type: 'string' },
    },
  },
  CalendarDay: {
    type: 'object',
    properties: { kind: { type: 'string' }, date: { type: 'string', format: 'date' }, label: { type: 'string' }, addedBy: { type: 'string' }, addedAt: { type: 'string', format: 'date-time' } },
  },
  Job: {
    type: 'object',
    required: ['id', 'kind', 'status', 'createdAt', 'day', 'progress'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['calendar_change'] },
      status: { type: 'string', enum: ['running', 'done', 'failed'] },
      createdAt: { type: 'string', format: 'date-time' },
      createdBy: { type: 'string' },
      day: { type: 'object', properties: { kind: { type: 'string' }, date: { type: 'string', format: 'date' }, label: { type: 'string' }, court: { type: 'string' } } },
      calendarVersion: { type: 'string' },
      progress: {
        type: 'object',
        properties: {
          planned: { type: 'integer', description: 'Items found so far with a deadline the day moves (grows while the index is read)' },
          considered: { type: 'integer' },
          moved: { type: 'integer' },
          failed: { type: 'integer' },
          scanned: { type: 'integer', description: 'Index entries read to find them' },
          done: { type: 'boolean' },
        },
      },
      finishedAt: { type: 'string', format: 'date-time' },
      error: { type: 'string' },
    },
  },
  TriggerSetTrigger: {
    type: 'object',
    required: ['at'],
    properties: {
      type: { type: 'string' },
      at: { type: 'string', description: 'ISO date, or date-time with offset' },
      service: { type: 'string', enum: SERVICE_METHODS, description: 'Passed to the rules that count from service (FRCP 6(d))' },
    },
    additionalProperties: false,
  },
  FeedSummary: {
    type: 'object',
    required: ['id', 'createdAt', 'filter'],
    properties: {
      id: { type: 'string' }, label: { type: 'string' },
      filter: { type: 'object', properties: { matter: { type: 'string' }, person: { type: 'string' } } },
      createdAt: { type: 'string', format: 'date-time' },
      revokedAt: { type: 'string', format: 'date-time', description: 'Set once the feed is revoked' },
    },
  },
  Feed: {
    type: 'object',
    required: ['id', 'url', 'createdAt'],
    properties: { id: { type: 'string' }, url: { type: 'string', description: 'Secret: shown once' }, label: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } },
  },
};

function securityFor(auth: Auth): Schema[] {
  if (auth === 'team') return [{ teamJwt: [] }];
  if (auth === 'publicOrTeam') return [{}, { teamJwt: [] }];
  return [];
}

export function buildOpenApi(routes: readonly RouteLike[], info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const [method = '', path = ''] = route.routeKey.split(' ');
    const op = operationFor(route.routeKey);
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : {}),
      };
    }
    if (route.auth !== 'public') {
      responses['401'] = { description: 'Missing, expired or invalid team token' };
      responses['403'] = { description: 'Signed in, but not a member of the legal team', content: { 'application/problem+json': { schema: ref('Problem') } } };
    }
    (paths[path] ??= {})[method.toLowerCase()] = {
      operationId: `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.undocumented ? { 'x-undocumented': true } : {}),
      ...(op.parameters ? { parameters: op.parameters } : {}),
      ...(op.requestBody ? { requestBody: op.requestBody } : {}),
      security: securityFor(route.auth),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Docketwatch API',
      version: info.version,
      description: 'Deadlines of FOIA / Privacy Act requests and D.D.C. litigation, each with its computation receipt. Errors are application/problem+json.',
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    paths,
    components: {
      securitySchemes: {
        teamJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token of a member of the team or admin group (locally: the development sign-in).' },
      },
      schemas: COMPONENT_SCHEMAS,
    },
  };
}
