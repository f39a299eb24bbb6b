/** The docket routes' part of the OpenAPI document (merged into document.ts). */
import * as v from 'valibot';
import { DismissBody, EditBody } from '../../../core/docket/queue';
import { HookBody } from '../../../core/docket/hook-input';
import { BODY_ANSWERS, bodySchema, FIELD_ERRORS, pathParam, problem, query, type Operation } from './parts';

const ULID = { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' };
const matterId = pathParam('matterId', "The matter's id");

/**
 * A CourtListener docket alert as it arrives. Kept whatever it holds (the reader says what it
 * could not use), so the document names the members the reader reads and allows the rest.
 */
const DocketAlert = v.pipe(
  v.looseObject({
    webhook: v.looseObject({ version: v.number(), event_type: v.pipe(v.number(), v.description('1: docket alert')), date_created: v.string(), deprecation_date: v.nullable(v.string()) }),
    payload: v.looseObject({
      results: v.array(
        v.looseObject({
          id: v.number(),
          docket: v.number(),
          date_filed: v.string(),
          time_filed: v.nullable(v.string()),
          entry_number: v.nullable(v.number()),
          recap_sequence_number: v.string(),
          description: v.string(),
        }),
      ),
    }),
  }),
  v.description('CourtListener webhook body: `webhook.event_type` 1 (docket alert) and `payload.results`, the docket entries'),
);

export const DOCKET_OPERATIONS: Record<string, Operation> = {
  'POST /api/hooks/courtlistener/{secret}': {
    summary: 'CourtListener docket alert for one matter (the URL carries its secret)',
    description: 'The body is kept as it came (append-only, hash-chained per matter) and read into docket entries and proposals; nothing becomes a deadline until a person confirms it. A repeated `Idempotency-Key`, or an entry already read (same id and RECAP sequence number), adds nothing. Content the reader cannot use is kept as unrecognised, with the reason, and still answered 202, so the sender does not retry it.',
    parameters: [
      pathParam('secret', '`<hookId>.<secret>` as created by an administrator'),
      { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } },
    ],
    secretInPath: 'secret',
    request: { schema: bodySchema(DocketAlert) },
    responses: {
      '202': { description: 'Kept; `status` says whether it was read or unrecognised (and why)', body: 'DeliveryReceipt' },
      '200': { description: 'A repeated Idempotency-Key: nothing added', body: 'DeliveryReceipt' },
      '400': problem('Malformed JSON or Idempotency-Key; nothing stored'),
      '404': problem('No live webhook at this URL (wrong or revoked secret); nothing stored'),
      '413': problem('Body larger than 256 KiB; nothing stored'),
      '415': problem('Not application/json; nothing stored'),
    },
  },
  'GET /api/matters/{matterId}/hooks': {
    summary: "A matter's CourtListener webhook URLs (admin; never a secret)",
    parameters: [matterId],
    responses: { '200': { description: 'Webhooks, newest first', body: 'DocketHookList' }, '404': problem('No such matter') },
  },
  'POST /api/matters/{matterId}/hooks': {
    summary: 'A new CourtListener webhook URL for a matter (admin; the secret is shown once)',
    parameters: [matterId],
    request: { schema: bodySchema(HookBody), required: false },
    responses: { '201': { description: 'Created; `url` carries the secret', body: 'NewDocketHook' }, '400': FIELD_ERRORS, ...BODY_ANSWERS, '404': problem('No such matter') },
  },
  'DELETE /api/hooks/{hookId}': {
    summary: 'Revoke a webhook URL (admin); later deliveries get 404',
    parameters: [pathParam('hookId', "The webhook's id", ULID)],
    responses: { '204': { description: 'Revoked' }, '404': problem('No live webhook with that id') },
  },
  'GET /api/proposals': {
    summary: 'Proposals from the docket, newest first, in the matters the caller acts in',
    parameters: [query('status', 'Only proposals in this state', { type: 'string', enum: ['pending', 'confirming', 'confirmed', 'dismissed'] }), query('matter', 'Only proposals of this matter (its id)')],
    responses: { '200': { description: 'Proposals', body: 'ProposalList' }, '400': problem('Unknown status') },
  },
  'GET /api/matters/{matterId}/docket': {
    summary: "The matter's docket entries, each with what it proposed and what became of it",
    parameters: [matterId],
    responses: { '200': { description: 'Entries, newest first', body: 'DocketEntries' }, '404': problem('No such matter') },
  },
  'POST /api/proposals/{id}/confirm': {
    summary: 'Confirm a proposal (optionally edited first)',
    description: 'Creates the filing, production or notice through the same path as the forms (POST /api/filings, /api/productions, /api/notices), or records the event on the tracked item through the same path as POST /api/{collection}/{id}/events: receipts, chains, reminders and the workflow follow. A proposal marked for review needs `due` (and `trigger`). Safe to retry.',
    parameters: [pathParam('id', "The proposal's id", ULID)],
    request: { schema: bodySchema(EditBody), required: false },
    responses: {
      '201': { description: 'Item created', body: 'ProposalDecision' },
      '200': { description: 'Event recorded on the tracked item', body: 'ProposalDecision' },
      '400': problem('Invalid edit, or the item the form would create is invalid'),
      ...BODY_ANSWERS,
      '404': problem('No such proposal'),
      '409': problem('Already decided, needs a date, or no tracked item to change'),
    },
  },
  'POST /api/proposals/{id}/dismiss': {
    summary: 'Dismiss a proposal with a reason; nothing else changes',
    parameters: [pathParam('id', "The proposal's id", ULID)],
    request: { schema: bodySchema(DismissBody) },
    responses: { '200': { description: 'Dismissed', body: 'ProposalDecision' }, '400': problem('No reason'), ...BODY_ANSWERS, '404': problem('No such proposal'), '409': problem('Already decided') },
  },
};
