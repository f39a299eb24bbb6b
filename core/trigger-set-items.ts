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
import * as v from 'valibot';
import { anyObject, closed, moment, rule } from './schema';
import { ENGINE_YEARS, inYears, isFuture, isIsoMoment, type FieldError } from './validate';

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

const TRIGGER_AT = 'must be a date (YYYY-MM-DD) or a date-time with offset';

/** The members of `{triggerSet, trigger: {at, service?}, params?}` (the preview's body, or a filing's). */
export const TRIGGER_SET_ENTRIES = {
  triggerSet: v.picklist(TRIGGER_SET_IDS, `must be one of ${TRIGGER_SET_IDS.join(', ')}`),
  trigger: closed({
    type: v.optional(v.pipe(v.unknown(), v.description('The event, in words (not checked)'))),
    at: moment({ message: TRIGGER_AT, requiredMessage: false }),
    service: v.optional(v.pipe(v.picklist(SERVICE_METHODS, `must be one of ${SERVICE_METHODS.join(', ')}`), v.description('Passed to the rules that count from service (FRCP 6(d))'))),
  }),
  params: anyObject(),
};

/** A conference or a hearing lies ahead by nature; the other triggers have happened. */
export function triggerInPast(now: Date) {
  return rule<{ triggerSet: string; trigger: { at: string } }>('trigger.at', (b) => {
    const at = b.trigger?.at;
    if (!isIsoMoment(at) || !inYears(at, ENGINE_YEARS)) return undefined;
    return !(typeof b.triggerSet === 'string' && FUTURE_TRIGGERS.has(b.triggerSet)) && isFuture(at, now) ? 'must not be in the future' : undefined;
  });
}

export const TriggerSetPreviewBody = (now: Date) => v.pipe(closed(TRIGGER_SET_ENTRIES), triggerInPast(now));

/** The checked members as the engine takes them. */
export function triggerSetInput(body: v.InferOutput<ReturnType<typeof TriggerSetPreviewBody>>): TriggerSetInput {
  const params: Record<string, unknown> = { ...(body.params ?? {}) };
  const service = body.trigger.service;
  // Service matters only to the sets whose rules count from it (FRCP 6(d)); elsewhere it is noted, not passed.
  if (service && triggerSet(body.triggerSet).links.some((l) => l.pass?.includes('service'))) params.service = service;
  return { triggerSet: body.triggerSet, at: body.trigger.at, params };
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

/** `keep`: the links the lawyer keeps, at least one, each a link of the set; all of them when not given. */
export const keepRule = rule<{ triggerSet: string; keep: unknown }>('keep', (b) => {
  if (b.keep === undefined) return undefined;
  if (!Array.isArray(b.keep) || b.keep.length === 0) return 'must be a non-empty list of the deadlines to keep';
  const set = typeof b.triggerSet === 'string' && TRIGGER_SET_IDS.includes(b.triggerSet) ? b.triggerSet : undefined;
  const links = set ? triggerSet(set).links.map((l) => l.id) : [];
  const bad = b.keep.filter((k) => typeof k !== 'string' || !links.includes(k));
  return bad.length ? `${JSON.stringify(bad)} ${bad.length === 1 ? 'is not a deadline' : 'are not deadlines'} of ${set}; its deadlines are ${links.join(', ')}` : undefined;
});

// Each entry is checked against the set by keepRule (its message names the set's deadlines).
export const KEEP = v.optional(v.pipe(v.array(v.unknown(), 'must be a non-empty list of the deadlines to keep'), v.description('The links (deadlines) of the set to keep; all of them if absent')));

export function keptLinks(set: string, keep: readonly unknown[] | undefined): string[] {
  return keep ? [...new Set(keep as string[])] : triggerSet(set).links.map((l) => l.id);
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
