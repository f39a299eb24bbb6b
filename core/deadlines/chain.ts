/**
 * Chained deadlines: a reply counts from the opposition's service, an appeal window from the
 * determination, the LCvR 7(n) list from the answer. Until the earlier event happens, the later
 * deadline is projected from the earlier one's due date; when a trigger moves, recomputing the
 * chain moves everything downstream, and chainChanges() says what moved.
 */
import type { Calendar } from '../calendar';
import { computeDeadline, type DeadlineResult } from './engine';
import { DeadlineInputError } from './errors';

export interface ChainLink {
  id: string;
  rule: string;
  params?: Record<string, unknown>;
  /** The date (or date-time) the triggering event actually happened, once it has. */
  trigger?: string;
  /** Otherwise: the link whose due date is taken as this link's trigger (projected). */
  after?: string;
}

export interface ChainResult {
  id: string;
  /** The trigger used: the link's own, or the due date of the link it follows. */
  trigger: string;
  /** True when the trigger is another link's due date rather than a recorded event. */
  projected: boolean;
  result: DeadlineResult;
}

export interface ChainChange {
  id: string;
  from?: string;
  to: string;
}

/** Computes every link, each after the one it follows, in the order given. */
export function computeChain(links: readonly ChainLink[], calendar?: Calendar): ChainResult[] {
  const byId = new Map<string, { link: ChainLink; index: number }>();
  links.forEach((link, index) => {
    if (byId.has(link.id)) throw new DeadlineInputError(`duplicate link id "${link.id}"`, `links[${index}].id`);
    byId.set(link.id, { link, index });
  });
  const done = new Map<string, ChainResult>();
  const visiting = new Set<string>();

  const resolve = (id: string): ChainResult => {
    const found = done.get(id);
    if (found) return found;
    const { link, index } = byId.get(id)!;
    if (visiting.has(id)) throw new DeadlineInputError(`link "${id}" depends on itself through "after"`, `links[${index}].after`);
    visiting.add(id);
    let trigger = link.trigger;
    const projected = trigger === undefined;
    if (trigger === undefined) {
      if (link.after === undefined) throw new DeadlineInputError('needs a trigger or an "after" link', `links[${index}].trigger`);
      if (!byId.has(link.after)) throw new DeadlineInputError(`no link with id "${link.after}"`, `links[${index}].after`);
      trigger = resolve(link.after).result.due;
    }
    let result: DeadlineResult;
    try {
      result = computeDeadline({ rule: link.rule, trigger, ...(link.params ? { params: link.params } : {}) }, calendar);
    } catch (err) {
      if (err instanceof DeadlineInputError) throw new DeadlineInputError(err.reason, `links[${index}].${err.field ?? 'request'}`);
      throw err;
    }
    visiting.delete(id);
    const chained = { id, trigger, projected, result };
    done.set(id, chained);
    return chained;
  };

  return links.map((link) => resolve(link.id));
}

/** Links whose due date differs between two computations of a chain (new links have no `from`). */
export function chainChanges(before: readonly ChainResult[], after: readonly ChainResult[]): ChainChange[] {
  const old = new Map(before.map((c) => [c.id, c.result.due]));
  return after
    .filter((c) => old.get(c.id) !== c.result.due)
    .map((c) => {
      const from = old.get(c.id);
      return from === undefined ? { id: c.id, to: c.result.due } : { id: c.id, from, to: c.result.due };
    });
}
