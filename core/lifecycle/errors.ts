/** The lifecycle's refusals, apart from the code that raises them: the HTTP layer maps them without loading the engine. */

/** The event makes no sense in the item's phase: refused with the reason (HTTP 409). */
export class EventRejectedError extends Error {
  override name = 'EventRejectedError';
}
