/**
 * Applying an event to a tracked item. Pure: the caller reads the item, applies the event and
 * commits the returned change as one transaction.
 */
import type { ItemChange } from '../changes';
import type { Deadline, ItemKind, TrackedItem } from '../model';
import { filingTransition, noticeTransition, productionTransition } from './court-transitions';
import { Draft, EventRejectedError, type EventContext } from './draft';
import type { ValidEvent } from './events';
import { recordRequestTransition } from './request-transitions';

const TRANSITIONS: Readonly<Record<ItemKind, (d: Draft) => void>> = {
  foia: recordRequestTransition,
  privacy_act: recordRequestTransition,
  record_production: productionTransition,
  filing: filingTransition,
  disclosure_notice: noticeTransition,
};

/** Applies a valid event to an item and its deadlines. Throws EventRejectedError with the reason. */
export function applyEvent(item: TrackedItem, deadlines: readonly Deadline[], ev: ValidEvent, ctx: EventContext): ItemChange {
  if (item.status === 'closed') throw new EventRejectedError(`The item is closed (${item.phase}); no further events can be recorded`);
  const d = new Draft(item, deadlines, ev, ctx);
  TRANSITIONS[item.kind](d);
  return d.toChange();
}
