/**
 * Filings from a trigger set: the lawyer names the event ("judgment entered") and its date, is
 * offered every deadline the set gives, each with its receipt, and keeps the ones that apply.
 * One filing item holds the kept deadlines; when the trigger moves, every one of them is
 * recomputed from the set and superseded. Pure validation and construction.
 */
import type { Calendar } from './calendar';
import { computeTriggerSet, DeadlineInputError, TRIGGER_SET_IDS, triggerSet, type DeadlineRequest, type TriggerSetDeadline } from './deadlines';
import { SERVICE_METHODS } from './deadlines/court-days';
import type { Deadline, TrackedItem } from './model';
import { ENGINE_YEARS, inYears, isFuture, isIsoMoment, isPlainObject, Reader, yearsMessage, type FieldError } from './validate';

export interface TriggerSetInput {
  triggerSet: string;
  /** The trigger's date or date-time. */
  at: string;
  /** The set's parameters (its flags, and `service` where its rules take it). */
  params: Record<string, unknown>;
}

export type TriggerSetResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

// A conference or a hearing lies ahead by nature; the other triggers have happened.
const FUTURE_TRIGGERS = new Set(['scheduling_conference_set']);

/** Reads `{triggerSet, trigger: {at, service?}, params?}` from a body (the preview's, or a filing's). */
export function readTriggerSet(r: Reader, body: Record<string, unknown>, now: Date): TriggerSetInput | undefined {
  const id = typeof body.triggerSet === 'string' && TRIGGER_SET_IDS.includes(body.triggerSet) ? body.triggerSet : r.fail('triggerSet', `must be one of ${TRIGGER_SET_IDS.join(', ')}`);
  const trigger = r.object(body, 'trigger', 'trigger', true);
  let at: string | undefined;
  let service: string | undefined;
  if (trigger) {
    r.only(trigger, 'trigger', ['type', 'at', 'service']);
    const v = trigger.at;
    if (!isIsoMoment(v)) r.fail('trigger.at', 'must be a date (YYYY-MM-DD) or a date-time with offset');
    else if (!inYears(v, ENGINE_YEARS)) r.fail('trigger.at', yearsMessage(ENGINE_YEARS));
    else if (!(id && FUTURE_TRIGGERS.has(id)) && isFuture(v, now)) r.fail('trigger.at', 'must not be in the future');
    else at = v;
    if (trigger.service !== undefined) {
      if (typeof trigger.service === 'string' && (SERVICE_METHODS as readonly string[]).includes(trigger.service)) service = trigger.service;
      else r.fail('trigger.service', `must be one of ${SERVICE_METHODS.join(', ')}`);
    }
  }
  const params = body.params === undefined ? {} : isPlainObject(body.params) ? { ...body.params } : (r.fail('params', 'must be an object'), {});
  if (!id || !at) return undefined;
  // Service matters only to the sets whose rules count from it (FRCP 6(d)); elsewhere it is noted, not passed.
  if (service && triggerSet(id).links.some((l) => l.pass?.includes('service'))) params.service = service;
  return { triggerSet: id, at, params };
}

/** Every deadline the set gives for the trigger, with receipts; engine errors become field errors. */
export function offerTriggerSet(input: TriggerSetInput, calendar?: Calendar): TriggerSetResult<TriggerSetDeadline[]> {
  try {
    return { ok: true, value: computeTriggerSet({ triggerSet: input.triggerSet, trigger: input.at, params: input.params }, calendar) };
  } catch (err) {
    if (!(err instanceof DeadlineInputError)) throw err;
    const field = err.field === 'trigger' ? 'trigger.at' : err.field?.startsWith('links[') ? 'params' : (err.field ?? 'params');
    return { ok: false, errors: [{ field, message: err.reason }] };
  }
}

/** The offered deadlines as the API shows them: link, label, the rule's result and receipt. */
export function offeredView(offered: readonly TriggerSetDeadline[]) {
  return offered.map((o) => ({
    link: o.link,
    label: o.label,
    rule: o.rule,
    trigger: o.trigger,
    projected: o.projected,
    due: o.result.due,
    dueInstant: o.result.dueInstant,
    ...(o.result.alternative ? { alternative: o.result.alternative } : {}),
    citation: o.result.rule.citation,
    calendarVersion: o.result.calendarVersion,
    receipt: o.result.receipt,
  }));
}

/** `keep`: the links the lawyer keeps, at least one, each a link of the set. */
export function readKept(r: Reader, body: Record<string, unknown>, set: string | undefined): string[] | undefined {
  const links = set ? triggerSet(set).links.map((l) => l.id) : [];
  if (body.keep === undefined) return links; // nothing said: every deadline the set gives
  if (!Array.isArray(body.keep) || body.keep.length === 0) return r.fail('keep', 'must be a non-empty list of the deadlines to keep');
  const bad = body.keep.filter((k) => typeof k !== 'string' || !links.includes(k));
  if (bad.length) return r.fail('keep', `${JSON.stringify(bad)} ${bad.length === 1 ? 'is not a deadline' : 'are not deadlines'} of ${set}; its deadlines are ${links.join(', ')}`);
  return [...new Set(body.keep as string[])];
}

/** The requests of the kept deadlines, each with its label and link. */
export function keptRequests(offered: readonly TriggerSetDeadline[], kept: readonly string[]): Array<DeadlineRequest & { label: string; link: string }> {
  return offered.filter((o) => kept.includes(o.link)).map((o) => ({ ...o.request, label: o.label, link: o.link }));
}

/**
 * A moved trigger: every open deadline of the set, recomputed from the new trigger (projected
 * links from the recomputed links they follow), paired with the deadline it replaces.
 */
export function retriggeredSet(
  item: Pick<TrackedItem, 'triggerSet'>,
  open: readonly Deadline[],
  triggerAt: string,
  calendar?: Calendar,
): Array<{ old: Deadline; request: DeadlineRequest & { label: string; link: string } }> {
  const set = item.triggerSet!;
  const offered = computeTriggerSet({ triggerSet: set.id, trigger: triggerAt, params: set.params }, calendar);
  const byLink = new Map(offered.map((o) => [o.link, o]));
  return open.flatMap((old) => {
    const next = old.link ? byLink.get(old.link) : undefined;
    return next ? [{ old, request: { ...next.request, label: old.label, link: next.link } }] : [];
  });
}

/**
 * A link of the set was filed and served: the links projected from it now count from that
 * service (the reply from the opposition's), each paired with the deadline it replaces.
 */
export function servedFollowers(
  item: Pick<TrackedItem, 'triggerSet'>,
  open: readonly Deadline[],
  filed: Deadline,
  servedAt: string,
): Array<{ old: Deadline; request: DeadlineRequest & { label: string; link: string } }> {
  if (!filed.link) return [];
  const followers = new Set(triggerSet(item.triggerSet!.id).links.filter((l) => l.after === filed.link).map((l) => l.id));
  return open
    .filter((x) => x.link && followers.has(x.link))
    .map((old) => ({ old, request: { rule: old.rule, trigger: servedAt, params: old.params, label: old.label, link: old.link! } }));
}
