/** The lifecycle's refusals, apart from the code that raises them: the HTTP layer maps them without loading the engine or the event schemas. */
import type { FieldError } from '../validate';

/** The event is malformed: refused with every field error at once (HTTP 400). */
export class EventInvalidError extends Error {
  override name = 'EventInvalidError';
  constructor(readonly errors: FieldError[]) {
    super('The event has invalid fields');
  }
}

/** The event makes no sense in the item's phase: refused with the reason (HTTP 409). */
export class EventRejectedError extends Error {
  override name = 'EventRejectedError';
}
