/**
 * The one clock every handler, workflow step and sweep reads. In Lambda it is the system
 * clock. Locally, CLOCK_START=<ISO date-time> makes it start at that instant and run on, so a
 * demo or a test can stand on any day; `setClock` moves it from tests.
 */
let offsetMs = 0;
/** Set by `freezeClock`: the clock reads this instant until it is set again. */
let frozenAt: number | undefined;

function parseStart(value: string): number {
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new Error(`CLOCK_START is not an ISO date-time: ${value}`);
  return at;
}

if (process.env.CLOCK_START) offsetMs = parseStart(process.env.CLOCK_START) - Date.now();

export function now(): Date {
  return new Date(frozenAt ?? Date.now() + offsetMs);
}

/** Makes the clock read `iso` now and run on from there. */
export function setClock(iso: string): void {
  frozenAt = undefined;
  offsetMs = parseStart(iso) - Date.now();
}

/** Makes the clock read `iso` and stand still there (tests that assert exact instants); `setClock` lets it run again. */
export function freezeClock(iso: string): void {
  frozenAt = parseStart(iso);
  offsetMs = frozenAt - Date.now();
}
