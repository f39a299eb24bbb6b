/** Shared by the lifecycle's unit tests. */
import { expect } from 'vitest';
import { EventRejectedError } from '../../core/lifecycle';

/** The reason a refused event gives, without the "(the item is …)" the phase check appends; 'accepted' if none. */
export function refusalOf(apply: () => unknown): string {
  try {
    apply();
  } catch (err) {
    expect(err).toBeInstanceOf(EventRejectedError);
    return (err as Error).message.replace(/ \(the item is [^)]*\)$/, '');
  }
  return 'accepted';
}
