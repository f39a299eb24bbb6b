/**
 * The deadline engine: every FOIA and D.D.C. clock Docketwatch tracks, each with a
 * computation receipt. Pure: no clock reads, no I/O; the trigger and params carry the time.
 */
export { computeDeadline, RULE_IDS, type DeadlineRequest, type DeadlineResult } from './engine';
export { DeadlineInputError } from './errors';
export type { ReceiptEntry } from './receipt';
export { computeChain, chainChanges, type ChainLink, type ChainResult, type ChainChange } from './chain';
export { recomputeAll, type OpenDeadline, type Recomputation, type RecomputedDeadline } from './recompute';
export {
  computeTriggerSet,
  triggerSet,
  triggerSetLinks,
  TRIGGER_SETS,
  TRIGGER_SET_IDS,
  type TriggerSet,
  type TriggerSetDeadline,
  type TriggerSetLink,
  type TriggerSetRequest,
} from './trigger-sets';
