/** The mail-in routes' part of the OpenAPI document (merged into core/openapi.ts). */
type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, schema: ref('Problem'), contentType: 'application/problem+json' });
const id: Schema = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' } };

export const MAIL_OPERATIONS = {
  'POST /api/inbound/email': {
    summary: 'One raw e-mail message (RFC 5322): a forwarded court notice or agency letter',
    description:
      'A team token, or a matter\'s inbound secret in `X-Inbound-Secret` (the secret of one of its docket hooks, `<hookId>.<secret>`). The message is kept once (by its Message-ID and the SHA-256 of its bytes), append-only, and read: a Notice of Electronic Filing goes to the docket of the matter tracking its case (proposals as from the webhook); an agency letter (in the body or a PDF attachment) becomes proposed events on the record request it is about; anything else is kept and listed as unrecognised with the reason. Nothing becomes an event until a person confirms it.',
    parameters: [{ name: 'X-Inbound-Secret', in: 'header', required: false, schema: { type: 'string' } }],
    requestBody: { required: true, content: { 'message/rfc822': { schema: { type: 'string' } }, 'text/plain': { schema: { type: 'string' } } } },
    responses: {
      '202': { description: 'Kept; `message.kind` says what it was read as', schema: ref('MailReceipt') },
      '200': { description: 'Received before (same bytes or Message-ID): nothing added', schema: ref('MailReceipt') },
      '400': problem('Not an e-mail message, or one built to exhaust the parser (thousands of parts, deep nesting); nothing stored'),
      '401': problem('Neither a team token nor an inbound secret'),
      '404': problem('No live inbound secret matches; nothing stored'),
      '413': problem('Larger than 10 MiB; nothing stored'),
    },
  },
  'GET /api/inbound/email': {
    summary: 'Messages received, newest first, with what each became (never their bodies)',
    responses: { '200': { description: 'Messages', schema: { type: 'object', properties: { messages: { type: 'array', items: ref('MailMessage') } } } } },
  },
  'GET /api/mail/proposals': {
    summary: 'Events agency letters propose, newest first',
    responses: { '200': { description: 'Proposals', schema: { type: 'object', properties: { proposals: { type: 'array', items: ref('LetterProposal') } } } } },
  },
  'POST /api/mail/proposals/{id}/confirm': {
    summary: 'Record a proposed event on its record request',
    description: 'Through the same path as POST /api/requests/{id}/events: the deadline, the chain, reminders and the workflow follow. `itemId` picks the request when matching found none (or another one).',
    parameters: [id],
    requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { itemId: { type: 'string' } }, additionalProperties: false } } } },
    responses: {
      '200': { description: 'Recorded', schema: { type: 'object', properties: { proposal: ref('LetterProposal'), item: ref('TeamView') } } },
      '400': problem('Invalid body, or the event does not validate'),
      '404': problem('No such proposal or request'),
      '409': problem('Already decided, no request picked, or the event does not fit the request'),
    },
  },
  'POST /api/mail/proposals/{id}/dismiss': {
    summary: 'Dismiss a proposed event with a reason; nothing else changes',
    parameters: [id],
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 500 } } } } } },
    responses: { '200': { description: 'Dismissed', schema: { type: 'object', properties: { proposal: ref('LetterProposal') } } }, '400': problem('No reason'), '404': problem('No such proposal'), '409': problem('Already decided') },
  },
};

export const MAIL_SCHEMAS: Record<string, Schema> = {
  MailMessage: {
    type: 'object',
    required: ['id', 'via', 'receivedAt', 'kind', 'proposals'],
    properties: {
      id: { type: 'string', description: 'SHA-256 of the message as received' },
      messageId: { type: 'string' },
      via: { type: 'string', enum: ['api', 'inbox', 'smtp', 'ses'] },
      receivedAt: { type: 'string', format: 'date-time' },
      size: { type: 'integer' },
      from: { type: 'string' },
      subject: { type: 'string' },
      kind: { type: 'string', enum: ['nef', 'letter', 'unrecognised'] },
      reason: { type: 'string', description: 'Why it was not read, or what the reader left to a person' },
      matterId: { type: 'string' },
      itemId: { type: 'string', description: 'The record request the letter was matched to' },
      candidates: { type: 'array', items: { type: 'string' }, description: 'Requests a person picks from' },
      why: { type: 'string' },
      agency: { type: 'string' },
      trackingNumber: { type: 'string' },
      proposals: { type: 'array', items: { type: 'string' } },
      docketSeq: { type: 'integer' },
    },
  },
  MailReceipt: { type: 'object', properties: { status: { type: 'string', enum: ['stored', 'duplicate'] }, message: ref('MailMessage') } },
  LetterProposal: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      mailSha256: { type: 'string' },
      matterId: { type: 'string' },
      itemId: { type: 'string' },
      candidates: { type: 'array', items: { type: 'string' } },
      why: { type: 'string' },
      event: { type: 'object', description: 'As POST /api/requests/{id}/events takes it: {type, at, trackingNumber | workingDays | outcome | final}' },
      evidence: { type: 'string', description: 'The words it rests on' },
      agency: { type: 'string' },
      createdAt: { type: 'string' },
      status: { type: 'string', enum: ['pending', 'confirming', 'confirmed', 'dismissed'] },
      decidedAt: { type: 'string' },
      decidedBy: { type: 'string' },
      reason: { type: 'string' },
    },
  },
};
