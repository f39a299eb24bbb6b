/**
 * A letter's event as the lifecycle's catalogue takes it (`parseEvent`): the body the dashboard's
 * event form would send for it.
 */
import type { LetterEvent } from './reader';

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
