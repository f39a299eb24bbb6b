/** The docket routes' part of the OpenAPI document (merged into core/openapi.ts). */
type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, schema: ref('Problem'), contentType: 'application/problem+json' });
const id = (name: string, pattern = '^[0-9A-HJKMNP-TV-Z]{26}$'): Schema => ({ name, in: 'path', required: true, schema: { type: 'string', pattern } });
const matterId: Schema = { name: 'matterId', in: 'path', required: true, schema: { type: 'string' } };

export const DOCKET_OPERATIONS = {
  'POST /api/hooks/courtlistener/{secret}': {
    summary: 'CourtListener docket alert for one matter (the URL carries its secret)',
    description: 'The body is kept as it came (append-only, hash-chained per matter) and read into docket entries and proposals; nothing becomes a deadline until a person confirms it. A repeated `Idempotency-Key`, or an entry already read (same id and RECAP sequence number), adds nothing. Content the reader cannot use is kept as unrecognised, with the reason, and still answered 202, so the sender does not retry it.',
    parameters: [
      { name: 'secret', in: 'path', required: true, schema: { type: 'string' }, description: '`<hookId>.<secret>` as created by an administrator' },
      { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } },
    ],
    requestBody: { required: true, content: { 'application/json': { schema: ref('DocketAlert') } } },
    responses: {
      '202': { description: 'Kept; `status` says whether it was read or unrecognised (and why)', schema: ref('DeliveryReceipt') },
      '200': { description: 'A repeated Idempotency-Key: nothing added', schema: ref('DeliveryReceipt') },
      '400': problem('Malformed JSON or Idempotency-Key; nothing stored'),
      '404': problem('No live webhook at this URL (wrong or revoked secret); nothing stored'),
      '413': problem('Body larger than 256 KiB; nothing stored'),
      '415': problem('Not application/json; nothing stored'),
    },
  },
  'GET /api/matters/{matterId}/hooks': {
    summary: "A matter's CourtListener webhook URLs (admin; never a secret)",
    parameters: [matterId],
    responses: { '200': { description: 'Webhooks, newest first', schema: { type: 'object', properties: { hooks: { type: 'array', items: ref('DocketHook') } } } }, '404': problem('No such matter') },
  },
  'POST /api/matters/{matterId}/hooks': {
    summary: 'A new CourtListener webhook URL for a matter (admin; the secret is shown once)',
    parameters: [matterId],
    requestBody: {
      required: false,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              docketId: { type: 'integer', description: "CourtListener's docket id; entries of another docket are kept as unrecognised" },
              side: { type: 'string', enum: ['plaintiffs', 'defendants'], default: 'plaintiffs' },
              usParty: { type: 'boolean', default: true },
              court: { type: 'string', enum: ['DDC', 'CADC'], default: 'DDC' },
            },
            additionalProperties: false,
          },
        },
      },
    },
    responses: { '201': { description: 'Created; `url` carries the secret', schema: ref('DocketHook') }, '400': problem('Invalid fields'), '404': problem('No such matter') },
  },
  'DELETE /api/hooks/{hookId}': {
    summary: 'Revoke a webhook URL (admin); later deliveries get 404',
    parameters: [id('hookId')],
    responses: { '204': { description: 'Revoked' }, '404': problem('No live webhook with that id') },
  },
  'GET /api/proposals': {
    summary: 'Proposals from the docket, newest first, in the matters the caller acts in',
    parameters: [
      { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['pending', 'confirming', 'confirmed', 'dismissed'] } },
      { name: 'matter', in: 'query', required: false, schema: { type: 'string' } },
    ],
    responses: { '200': { description: 'Proposals', schema: { type: 'object', properties: { count: { type: 'integer' }, proposals: { type: 'array', items: ref('Proposal') } } } }, '400': problem('Unknown status') },
  },
  'GET /api/matters/{matterId}/docket': {
    summary: "The matter's docket entries, each with what it proposed and what became of it",
    parameters: [matterId],
    responses: { '200': { description: 'Entries, newest first', schema: { type: 'object', properties: { matterId: { type: 'string' }, entries: { type: 'array', items: ref('DocketEntry') } } } }, '404': problem('No such matter') },
  },
  'POST /api/proposals/{id}/confirm': {
    summary: 'Confirm a proposal (optionally edited first)',
    description: 'Creates the filing, production or notice through the same path as the forms (POST /api/filings, /api/productions, /api/notices), or records the event on the tracked item through the same path as POST /api/{collection}/{id}/events: receipts, chains, reminders and the workflow follow. A proposal marked for review needs `due` (and `trigger`). Safe to retry.',
    parameters: [id('id')],
    requestBody: {
      required: false,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              label: { type: 'string', maxLength: 200 },
              trigger: { type: 'string', description: 'ISO date or date-time with offset' },
              due: { type: 'string', format: 'date', description: "The date the order sets: the deadline becomes the order's date" },
              itemId: { type: 'string', description: 'For an event: the tracked item it changes' },
            },
            additionalProperties: false,
          },
        },
      },
    },
    responses: {
      '201': { description: 'Item created', schema: ref('ProposalDecision') },
      '200': { description: 'Event recorded on the tracked item', schema: ref('ProposalDecision') },
      '400': problem('Invalid edit, or the item the form would create is invalid'),
      '404': problem('No such proposal'),
      '409': problem('Already decided, needs a date, or no tracked item to change'),
    },
  },
  'POST /api/proposals/{id}/dismiss': {
    summary: 'Dismiss a proposal with a reason; nothing else changes',
    parameters: [id('id')],
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 500 } } } } } },
    responses: { '200': { description: 'Dismissed', schema: ref('ProposalDecision') }, '400': problem('No reason'), '404': problem('No such proposal'), '409': problem('Already decided') },
  },
};

export const DOCKET_SCHEMAS: Record<string, Schema> = {
  DocketAlert: {
    type: 'object',
    description: 'CourtListener webhook body: `webhook.event_type` 1 (docket alert) and `payload.results`, the docket entries',
    properties: {
      webhook: { type: 'object', properties: { version: { type: 'integer' }, event_type: { type: 'integer' }, date_created: { type: 'string' }, deprecation_date: { type: ['string', 'null'] } } },
      payload: { type: 'object', properties: { results: { type: 'array', items: { type: 'object' } } } },
    },
  },
  DeliveryReceipt: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['read', 'unrecognised', 'received', 'duplicate'] },
      reason: { type: 'string' },
      received: { type: 'integer', description: 'Sequence number of the kept delivery in the matter' },
      entries: { type: 'integer' }, proposals: { type: 'integer' }, duplicates: { type: 'integer' },
    },
  },
  DocketHook: {
    type: 'object',
    properties: {
      id: { type: 'string' }, matterId: { type: 'string' }, docketId: { type: 'integer' }, side: { type: 'string' }, usParty: { type: 'boolean' }, court: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' }, revokedAt: { type: 'string', format: 'date-time' }, url: { type: 'string', description: 'Secret: shown once' }, path: { type: 'string' },
    },
  },
  Proposal: {
    type: 'object',
    required: ['id', 'matterId', 'entry', 'action', 'rule', 'trigger', 'due', 'label', 'evidence', 'status'],
    properties: {
      id: { type: 'string' }, matterId: { type: 'string' }, matterName: { type: 'string' },
      entry: { type: ['string', 'null'], description: "The entry's number as the court gives it; null for a minute entry" },
      action: { type: 'string', enum: ['filing', 'owed', 'notice', 'hearing', 'event'] },
      kind: { type: 'string', enum: ['filing', 'record_production', 'disclosure_notice', 'event', 'review'] },
      rule: { type: ['string', 'null'] }, trigger: { type: ['string', 'null'] },
      due: { type: ['string', 'null'], description: 'ISO date, or date-time with offset for hour windows and hearings; null when marked for review' },
      label: { type: 'string' }, evidence: { type: 'string', description: 'The words it rests on' },
      clerk: { type: 'object', properties: { due: { type: 'string' }, reason: { type: 'string' } }, description: "The clerk's printed date where it differs from the engine's" },
      review: { type: 'string', description: 'Why a person must decide' },
      status: { type: 'string', enum: ['pending', 'confirming', 'confirmed', 'dismissed'] },
      itemId: { type: 'string' }, reason: { type: 'string' }, decidedBy: { type: 'string' }, decidedAt: { type: 'string' },
      source: { type: 'string', enum: ['courtlistener', 'nef'] }, entryKey: { type: 'string' }, createdAt: { type: 'string' },
    },
  },
  ProposalDecision: { type: 'object', properties: { proposal: ref('Proposal'), item: ref('TeamView') } },
  DocketEntry: {
    type: 'object',
    properties: {
      key: { type: 'string' }, entry: { type: ['string', 'null'] }, filedOn: { type: 'string', format: 'date' }, enteredAt: { type: 'string' }, text: { type: 'string' },
      source: { type: 'string' }, receivedAt: { type: 'string' }, refs: { type: 'array', items: { type: 'string' } },
      proposals: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, action: { type: 'string' }, label: { type: 'string' }, due: { type: ['string', 'null'] }, status: { type: 'string' }, itemId: { type: 'string' }, reason: { type: 'string' } } } },
    },
  },
};
