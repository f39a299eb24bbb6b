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
import { keptRequests, offerTriggerSet, readKept, readTriggerSet, type TriggerSetInput } from './trigger-set-items';
import { ENGINE_YEARS, inYears, isFuture, isIsoDate, isIsoMoment, isPlainObject, Reader, yearsMessage, type FieldError } from './validate';

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

export function validateCourtItem(kind: CourtKind, body: unknown, now: Date): CourtItemResult {
  const r = new Reader();
  if (!isPlainObject(body)) return { ok: false, errors: [{ field: '', message: 'The body must be a JSON object' }] };
  const matterId = r.string(body, 'matterId', 'matterId', { required: true, max: 64, pattern: MATTER_ID, patternMessage: 'must be a matter id' });

  if (kind === 'disclosure_notice') {
    r.only(body, '', ['matterId', 'receivedAt', 'summary', 'title']);
    // An hour-precise window needs the hour: a bare date is refused here.
    const receivedAt = typeof body.receivedAt === 'string' && isIsoDate(body.receivedAt)
      ? r.fail('receivedAt', 'must be a date-time with offset (the window is counted in hours)')
      : moment(r, body, 'receivedAt', now, true);
    const summary = r.string(body, 'summary', 'summary', { required: true, max: 2_000 });
    const title = r.string(body, 'title', 'title', { max: 200 }) ?? 'Notice of intended disclosure';
    if (r.errors.length || !matterId || !receivedAt || !summary) return { ok: false, errors: r.errors };
    return {
      ok: true,
      value: { kind, matterId, title, at: receivedAt, summary, deadline: { rule: 'frcp6.hours', trigger: receivedAt, params: { hours: NOTICE_HOURS, purpose: 'disclosure_notice' } } },
    };
  }

  if (kind === 'filing' && body.triggerSet !== undefined) {
    // The other shape of a filing: a trigger set, and the deadlines of it the lawyer keeps.
    r.only(body, '', ['matterId', 'title', 'triggerSet', 'trigger', 'params', 'keep']);
    const input = readTriggerSet(r, body, now);
    const kept = readKept(r, body, input?.triggerSet);
    const title = r.string(body, 'title', 'title', { max: 200 }) ?? (input ? `${triggerSetLabel(input.triggerSet)} (${input.at.slice(0, 10)})` : undefined);
    if (input && r.errors.length === 0) {
      const offered = offerTriggerSet(input);
      if (!offered.ok) r.errors.push(...offered.errors);
      else if (kept) {
        const [first] = keptRequests(offered.value, kept);
        if (first && matterId && title) return { ok: true, value: { kind, matterId, title, at: input.at, deadline: first, triggerSet: { ...input, kept } } };
      }
    }
    return { ok: false, errors: r.errors };
  }

  if (kind === 'filing') {
    r.only(body, '', ['matterId', 'title', 'rule', 'trigger', 'params']);
    const title = r.string(body, 'title', 'title', { required: true, max: 200 });
    const rule = r.oneOf(body, 'rule', 'rule', FILING_RULES);
    const trigger = r.object(body, 'trigger', 'trigger', true);
    let at: string | undefined;
    let service: string | undefined;
    if (trigger) {
      r.only(trigger, 'trigger', ['type', 'at', 'service']);
      r.oneOf(trigger, 'type', 'trigger.type', TRIGGER_TYPES);
      // A hearing date lies ahead by nature; every other trigger has happened.
      at = moment(r, trigger, 'at', now, trigger.type !== 'hearing_set', 'trigger.at');
      service = trigger.service === undefined ? undefined : r.oneOf(trigger, 'service', 'trigger.service', SERVICE_METHODS);
    }
    const params = body.params === undefined ? {} : isPlainObject(body.params) ? body.params : (r.fail('params', 'must be an object'), {});
    if (r.errors.length || !matterId || !title || !rule || !at) return { ok: false, errors: r.errors };
    return { ok: true, value: { kind, matterId, title, at, deadline: { rule, trigger: at, params: { ...params, ...(service ? { service } : {}) } } } };
  }

  // record_production: from an order ({orderedAt, days} or {orderedAt, due}) or from LCvR 7(n).
  r.only(body, '', ['matterId', 'title', 'order', 'lcvr7n']);
  const title = r.string(body, 'title', 'title', { max: 200 }) ?? 'Administrative record';
  const order = r.object(body, 'order', 'order', false);
  const lcvr = r.object(body, 'lcvr7n', 'lcvr7n', false);
  let deadline: CourtItemInput['deadline'] | undefined;
  let at: string | undefined;
  if (!!order === !!lcvr) r.fail('order', 'give either order ({orderedAt, days} or {orderedAt, due}) or lcvr7n ({answerServed, dispositiveMotionFiled?})');
  else if (order) {
    r.only(order, 'order', ['orderedAt', 'days', 'due']);
    at = moment(r, order, 'orderedAt', now, true, 'order.orderedAt');
    const days = order.days === undefined ? undefined : r.number(order, 'days', 'order.days', { min: 1, max: 3660 });
    const due = order.due === undefined ? undefined : r.date(order, 'due', 'order.due');
    if ((days === undefined) === (due === undefined)) r.fail('order.days', 'give either days or due');
    if (days !== undefined && !Number.isInteger(days)) r.fail('order.days', 'must be a whole number');
    if (at) deadline = { rule: 'court_order.fixed', trigger: at, params: days !== undefined ? { days } : { date: due } };
  } else if (lcvr) {
    r.only(lcvr, 'lcvr7n', ['answerServed', 'dispositiveMotionFiled']);
    at = moment(r, lcvr, 'answerServed', now, true, 'lcvr7n.answerServed');
    const motion = lcvr.dispositiveMotionFiled === undefined ? undefined : moment(r, lcvr, 'dispositiveMotionFiled', now, true, 'lcvr7n.dispositiveMotionFiled');
    if (at) deadline = { rule: 'lcvr7n.certified_list', trigger: at, params: { answer_served: at, ...(motion ? { dispositive_motion_filed: motion } : {}) } };
  }
  if (r.errors.length || !matterId || !deadline || !at) return { ok: false, errors: r.errors };
  return { ok: true, value: { kind, matterId, title, at, deadline } };
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

function moment(r: Reader, obj: Record<string, unknown>, field: string, now: Date, pastOnly: boolean, path = field): string | undefined {
  const v = obj[field];
  if (v === undefined || v === null || v === '') return r.fail(path, 'is required');
  if (!isIsoMoment(v)) return r.fail(path, 'must be a date (YYYY-MM-DD) or a date-time with offset');
  if (!inYears(v, ENGINE_YEARS)) return r.fail(path, yearsMessage(ENGINE_YEARS));
  if (pastOnly && isFuture(v, now)) return r.fail(path, 'must not be in the future');
  return v;
}
