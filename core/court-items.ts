/**
 * Creating the team's court items: a filing the team must make (from a trigger and a rule), a
 * disclosure notice (the 24-hour window), a court-ordered production (from an order or LCvR 7(n)).
 * Pure validation and construction; deadlines come from the engine.
 */
import type { Calendar } from './calendar';
import { RULE_IDS, TRIGGER_SETS, type DeadlineRequest } from './deadlines';
import { SERVICE_METHODS } from './deadlines/court-days';
import { chainEvent, GENESIS_HASH } from './events';
import { newDeadline, type NewItem } from './items';
import { INITIAL_PHASE } from './lifecycle/phases';
import type { ItemKind, Matter, TrackedItem } from './model';
import * as v from 'valibot';
import { anyObject, closed, moment, optional, optionalCount, oneOf, optionalDate, optionalText, parseBody, rule, text } from './schema';
import { KEEP, keepRule, keptLinks, keptRequests, offerTriggerSet, TRIGGER_SET_ENTRIES, triggerInPast, triggerSetInput, type TriggerSetInput } from './trigger-set-items';
import { ENGINE_YEARS, inYears, isFuture, isIsoMoment, isPlainObject, type FieldError } from './validate';

export type CourtKind = 'filing' | 'disclosure_notice' | 'record_production';

export interface CourtItemInput {
  kind: CourtKind;
  matterId: string;
  title: string;
  /** When the item came to exist: the trigger, the notice's receipt, the order. */
  at: string;
  summary?: string;
  deadline: DeadlineRequest & { label?: string };
  /** A filing from a trigger set: every deadline of the set the lawyer kept (instead of `deadline`). */
  triggerSet?: TriggerSetInput & { kept: string[] };
}

export type CourtItemResult = { ok: true; value: CourtItemInput } | { ok: false; errors: FieldError[] };

const MATTER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const TRIGGER_TYPES = ['motion_served', 'order_entered', 'hearing_set', 'judgment_entered', 'answer_served', 'complaint_served', 'other'] as const;
// Rules a filing may count from: the court's (FOIA clocks belong to record requests).
const FILING_RULES = RULE_IDS.filter((r) => !r.startsWith('foia.'));
/** The 24-hour notice the court required before any further sharing (FRCP 6(a)(2) counts it). */
export const NOTICE_HOURS = 24;

const matterId = () => text({ max: 64, pattern: MATTER_ID, patternMessage: 'must be a matter id' });
const title = (max = 200) => optionalText({ max });
const past = (now: Date, description?: string) => moment({ past: { now }, ...(description ? { description } : {}) });

export const NoticeBody = (now: Date) =>
  closed({
    matterId: matterId(),
    // An hour-precise window needs the hour: a bare date is refused here.
    receivedAt: moment({ past: { now }, dateTimeOnly: 'must be a date-time with offset (the window is counted in hours)', description: 'ISO date-time with its offset' }),
    summary: text({ max: 2_000 }),
    title: title(),
  });

export const FilingBody = (now: Date) =>
  v.pipe(
    closed({
      matterId: matterId(),
      title: text({ max: 200 }),
      rule: oneOf(FILING_RULES),
      trigger: closed({ type: oneOf(TRIGGER_TYPES), at: moment(), service: v.optional(oneOf(SERVICE_METHODS)) }),
      params: anyObject(),
    }),
    // A hearing date lies ahead by nature; every other trigger has happened.
    rule<{ trigger: { type: string; at: string } }>('trigger.at', (b) => {
      const t = b.trigger;
      return t && t.type !== 'hearing_set' && isIsoMoment(t.at) && inYears(t.at, ENGINE_YEARS) && isFuture(t.at, now) ? 'must not be in the future' : undefined;
    }),
  );

export const TriggerSetFilingBody = (now: Date) =>
  v.pipe(closed({ matterId: matterId(), title: title(), ...TRIGGER_SET_ENTRIES, keep: KEEP }), triggerInPast(now), keepRule);

const ORDER_OR_RULE = 'give either order ({orderedAt, days} or {orderedAt, due}) or lcvr7n ({answerServed, dispositiveMotionFiled?})';

export const ProductionBody = (now: Date) =>
  v.pipe(
    closed({
      matterId: matterId(),
      title: title(),
      order: optional(
        v.pipe(
          closed({ orderedAt: past(now), days: optionalCount({ min: 1, max: 3660 }), due: optionalDate() }, { optional: true }),
          rule<{ days: unknown; due: unknown }>('days', (o) => ((o.days === undefined) === (o.due === undefined) ? 'give either days or due' : undefined)),
          rule<{ days: unknown }>('days', (o) => (typeof o.days === 'number' && !Number.isInteger(o.days) ? 'must be a whole number' : undefined)),
        ),
      ),
      lcvr7n: optional(closed({ answerServed: past(now), dispositiveMotionFiled: v.optional(past(now)) }, { optional: true })),
    }),
    rule<{ order: unknown; lcvr7n: unknown }>('order', (b) => (isPlainObject(b.order) === isPlainObject(b.lcvr7n) ? ORDER_OR_RULE : undefined)),
  );

export function validateCourtItem(kind: CourtKind, body: unknown, now: Date): CourtItemResult {
  if (kind === 'disclosure_notice') {
    const parsed = parseBody(NoticeBody(now), body);
    if (!parsed.ok) return parsed;
    const { matterId, receivedAt, summary } = parsed.value;
    return {
      ok: true,
      value: { kind, matterId, title: parsed.value.title ?? 'Notice of intended disclosure', at: receivedAt, summary, deadline: { rule: 'frcp6.hours', trigger: receivedAt, params: { hours: NOTICE_HOURS, purpose: 'disclosure_notice' } } },
    };
  }

  if (kind === 'filing' && isPlainObject(body) && body.triggerSet !== undefined) {
    // The other shape of a filing: a trigger set, and the deadlines of it the lawyer keeps.
    const parsed = parseBody(TriggerSetFilingBody(now), body);
    if (!parsed.ok) return parsed;
    const input = triggerSetInput(parsed.value);
    const kept = keptLinks(input.triggerSet, parsed.value.keep);
    const offered = offerTriggerSet(input);
    if (!offered.ok) return offered;
    const [first] = keptRequests(offered.value, kept);
    const title = parsed.value.title ?? `${triggerSetLabel(input.triggerSet)} (${input.at.slice(0, 10)})`;
    return { ok: true, value: { kind, matterId: parsed.value.matterId, title, at: input.at, deadline: first!, triggerSet: { ...input, kept } } };
  }

  if (kind === 'filing') {
    const parsed = parseBody(FilingBody(now), body);
    if (!parsed.ok) return parsed;
    const { matterId, title, rule: ruleId, trigger, params } = parsed.value;
    return { ok: true, value: { kind, matterId, title, at: trigger.at, deadline: { rule: ruleId, trigger: trigger.at, params: { ...(params ?? {}), ...(trigger.service ? { service: trigger.service } : {}) } } } };
  }

  // record_production: from an order ({orderedAt, days} or {orderedAt, due}) or from LCvR 7(n).
  const parsed = parseBody(ProductionBody(now), body);
  if (!parsed.ok) return parsed;
  const { matterId, order, lcvr7n } = parsed.value;
  const title = parsed.value.title ?? 'Administrative record';
  if (order) {
    const at = order.orderedAt;
    return { ok: true, value: { kind, matterId, title, at, deadline: { rule: 'court_order.fixed', trigger: at, params: order.days !== undefined ? { days: order.days } : { date: order.due } } } };
  }
  const at = lcvr7n!.answerServed;
  const motion = lcvr7n!.dispositiveMotionFiled;
  return { ok: true, value: { kind, matterId, title, at, deadline: { rule: 'lcvr7n.certified_list', trigger: at, params: { answer_served: at, ...(motion ? { dispositive_motion_filed: motion } : {}) } } } };
}

export function newCourtItem(
  input: CourtItemInput,
  ctx: { id: string; now: Date; createdBy: string; matter: Matter; newDeadlineId: () => string; calendar?: Calendar },
): NewItem {
  const requests: Array<DeadlineRequest & { label?: string; link?: string }> = input.triggerSet ? setRequests(input.triggerSet, ctx.calendar) : [input.deadline];
  const deadlines = requests.map(({ label, link, ...request }) => ({
    ...newDeadline(ctx.id, request, ctx.newDeadlineId(), ctx.calendar),
    ...(label ? { label } : {}),
    ...(link ? { link } : {}),
  }));
  const event = chainEvent(
    { seq: 0, hash: GENESIS_HASH },
    { itemId: ctx.id, type: 'created', at: input.at, recordedAt: ctx.now.toISOString(), recordedBy: ctx.createdBy, public: false, data: { title: input.title } },
  );
  const item: TrackedItem = {
    id: ctx.id,
    kind: input.kind as ItemKind,
    matterId: ctx.matter.id,
    title: input.title,
    phase: INITIAL_PHASE[input.kind],
    status: 'open',
    version: 1,
    receivedAt: input.at,
    createdAt: ctx.now.toISOString(),
    createdBy: ctx.createdBy,
    owner: ctx.createdBy,
    watchers: ctx.matter.team.map((p) => p.id),
    ...(input.summary ? { summary: input.summary } : {}),
    ...(input.triggerSet ? { triggerSet: { id: input.triggerSet.triggerSet, trigger: input.triggerSet.at, params: input.triggerSet.params, kept: input.triggerSet.kept } } : {}),
    workflow: { execution: ctx.id, state: 'starting' },
    eventSeq: event.seq,
    lastEventHash: event.hash,
  };
  return { item, deadlines, event };
}

/** The kept deadlines of a set, computed against the calendar in force (projections included). */
function setRequests(set: TriggerSetInput & { kept: string[] }, calendar?: Calendar): Array<DeadlineRequest & { label?: string; link?: string }> {
  const offered = offerTriggerSet(set, calendar);
  if (!offered.ok) throw new RangeError(`trigger set ${set.triggerSet} no longer computes: ${offered.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return keptRequests(offered.value, set.kept);
}

function triggerSetLabel(id: string): string {
  return TRIGGER_SETS.find((s) => s.id === id)?.label ?? id;
}
