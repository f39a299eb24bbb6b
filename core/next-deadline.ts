/** Which open deadline ends first: read by the views, which must not load the deadline engine. */
import type { Deadline } from './model';

export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return deadlines
    .filter((d) => d.status === 'open')
    .sort((a, b) => a.dueInstant.localeCompare(b.dueInstant))[0];
}
