/**
 * Reading agency letters about record requests: the reader, and the line each proposed event
 * prints as. Pure; the adapters parse the mail that carries a letter and store what it proposes.
 */
import type { LetterEvent } from './reader';

export { agencyNamed, readLetter, sentencesOf, numberFrom, LetterDateError, type LetterEvent, type LetterEventType, type LetterInput, type LetterReading, type Outcome } from './reader';
export { datesIn, realDay } from './dates';
export { ConfirmLetterBody, eventBody, LETTER_EVENT_TYPES, OUTCOMES } from './events';
export { matchRequest, type LetterFacts, type Match, type RequestFacts } from './match';

/** An event as the CLI and the API show it: `{type, at, trackingNumber?, workingDays?, outcome?, agency?, evidence}`. */
export function printedEvent(e: LetterEvent): Record<string, unknown> {
  return {
    type: e.type,
    at: e.at,
    ...(e.trackingNumber !== undefined ? { trackingNumber: e.trackingNumber } : {}),
    ...(e.workingDays !== undefined ? { workingDays: e.workingDays } : {}),
    ...(e.outcome !== undefined ? { outcome: e.outcome } : {}),
    ...(e.agency !== undefined ? { agency: e.agency } : {}),
    evidence: e.evidence,
  };
}
