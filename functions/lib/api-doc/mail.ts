/** The mail-in routes' part of the OpenAPI document (merged into document.ts). */
import * as v from 'valibot';
import { DismissBody } from '../../../core/docket/queue';
import { ConfirmLetterBody } from '../../../core/letters/events';
import { MAX_MESSAGE_BYTES, MAX_MULTIPARTS, MAX_PARTS } from '../../../core/mail-in';
import { BODY_ANSWERS, bodySchema, FIELD_ERRORS, pathParam, problem, TOO_LARGE, type Operation } from './parts';

const ULID = { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' };
const proposalId = pathParam('id', "The proposal's id", ULID);

/** The body is the message itself, not JSON: the handler reads its bytes. */
const RawMessage = v.pipe(
  v.string(),
  v.maxLength(MAX_MESSAGE_BYTES),
  v.description(`One e-mail message as RFC 5322 bytes (headers, blank line, body; MIME parts and PDF attachments as sent), at most ${MAX_MESSAGE_BYTES} bytes, ${MAX_PARTS} parts and ${MAX_MULTIPARTS} nested multiparts`),
);

export const MAIL_OPERATIONS: Record<string, Operation> = {
  'POST /api/inbound/email': {
    summary: 'One raw e-mail message: a forwarded court notice or agency letter',
    description:
      "A team token, or a matter's inbound secret in `X-Inbound-Secret` (the secret of one of its docket hooks, `<hookId>.<secret>`). The message is kept once (by its Message-ID and the SHA-256 of its bytes), append-only, and read: a Notice of Electronic Filing goes to the docket of the matter tracking its case (proposals as from the webhook); an agency letter (in the body or a PDF attachment) becomes proposed events on the record request it is about; anything else is kept and listed as unrecognised with the reason. Nothing becomes an event until a person confirms it. The local SMTP server's intake address and SES receiving deliver to the same intake.",
    parameters: [{ name: 'X-Inbound-Secret', in: 'header', required: false, description: "A matter's inbound secret instead of a team token", schema: { type: 'string' } }],
    request: { schema: bodySchema(RawMessage), mediaType: 'message/rfc822' },
    responses: {
      '202': { description: 'Kept; `message.kind` says what it was read as', body: 'MailReceipt' },
      '200': { description: 'Received before (same bytes or Message-ID): nothing added', body: 'MailReceipt' },
      '400': problem('Not an e-mail message, or one built to exhaust the parser (too many parts, deep nesting); nothing stored'),
      '401': problem('Neither a team token nor an inbound secret'),
      '404': problem('No live inbound secret matches; nothing stored'),
      '413': TOO_LARGE,
    },
  },
  'GET /api/inbound/email': {
    summary: 'Messages received, newest first, with what each became (never their bodies)',
    description: 'The messages of the matters the caller acts in, and those no matter claims yet.',
    responses: { '200': { description: 'Messages', body: 'MailMessageList' } },
  },
  'GET /api/mail/proposals': {
    summary: 'Events agency letters propose, newest first, with the words each rests on',
    responses: { '200': { description: 'Proposals', body: 'LetterProposalList' } },
  },
  'POST /api/mail/proposals/{id}/confirm': {
    summary: 'Record a proposed event on its record request',
    description: 'Through the same path as POST /api/requests/{id}/events: the deadline, the chain, reminders and the workflow follow. `itemId` picks the request when matching found none (or another one). Safe to retry.',
    parameters: [proposalId],
    request: { schema: bodySchema(ConfirmLetterBody), required: false },
    responses: {
      '200': { description: 'Recorded; the request after the event', body: 'LetterProposalDecision' },
      '400': FIELD_ERRORS,
      '404': problem('No such proposal, or no record request with that id here'),
      '409': problem('Already decided, no request picked, or the event does not fit the request'),
      ...BODY_ANSWERS,
    },
  },
  'POST /api/mail/proposals/{id}/dismiss': {
    summary: 'Dismiss a proposed event with a reason; nothing else changes',
    parameters: [proposalId],
    request: { schema: bodySchema(DismissBody) },
    responses: { '200': { description: 'Dismissed', body: 'LetterProposalDecision' }, '400': problem('No reason'), '404': problem('No such proposal'), '409': problem('Already decided'), ...BODY_ANSWERS },
  },
};
