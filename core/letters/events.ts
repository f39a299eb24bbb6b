/**
 * A letter's event as the lifecycle's catalogue takes it (`parseEvent`): the body the dashboard's
 * event form would send for it.
 */
import { closed, optionalText } from '../schema';
import type { LetterEvent } from './reader';

export const LETTER_EVENT_TYPES = ['acknowledged', 'received', 'extension_notice', 'info_request_sent', 'fee_clarification_sent', 'determination', 'records_released'] as const;
export type LetterEventType = (typeof LETTER_EVENT_TYPES)[number];
export const OUTCOMES = ['full_grant', 'partial_grant', 'denial', 'no_records'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function eventBody(e: LetterEvent): Record<string, unknown> {
  switch (e.type) {
    case 'acknowledged':
      return { type: e.type, at: e.at, trackingNumber: e.trackingNumber };
    case 'extension_notice':
      return { type: e.type, at: e.at, workingDays: e.workingDays };
    case 'determination':
      return { type: e.type, at: e.at, outcome: e.outcome };
    case 'records_released':
      return { type: e.type, at: e.at, final: e.final ?? true };
    default:
      return { type: e.type, at: e.at };
  }
}

const ITEM_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** What confirming a letter's proposal may say: the request it is about, when matching found none or another. */
export const ConfirmLetterBody = closed({ itemId: optionalText({ max: 26, pattern: ITEM_ID, patternMessage: 'must be the id of a record request' }) });
