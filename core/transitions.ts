/**
 * What an event does to a tracked item: which phase it enters, which deadlines are met,
 * superseded or created. Pure: the handler reads the item, calls `applyEvent`, and commits the
 * returned change as one transaction. An event that makes no sense in the item's phase is
 * refused with the reason (HTTP 409); a malformed one with its field errors (HTTP 400).
 */
import type { Calendar } from './calendar';
import { change, type ItemChange } from './changes';
import type { DeadlineRequest } from './deadlines';
import type { NewEvent } from './events';
import { newDeadline } from './items';
import { retriggeredSet, servedFollowers } from './trigger-set-items';
import type { Deadline, FoiaClock, ItemKind, TrackedItem } from './model';
import { dateIn } from './time';
import { isIsoDate, isIsoDateTime, isPlainObject, Reader, type FieldError } from './validate';

export class EventRejectedError extends Error {
  override name = 'EventRejectedError';
}

export class EventInvalidError extends Error {
  override name = 'EventInvalidError';
  constructor(readonly errors: FieldError[]) {
    super('The event has invalid fields');
  }
}

export interface EventContext {
  now: Date;
  recordedBy: string;
  newDeadlineId: () => string;
  calendar?: Calendar;
}

export interface ValidEvent {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** Clock skew allowed for an event's time, in ms. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Events the requester sees on the public tracking page. */
const PUBLIC_EVENTS = new Set(['received', 'acknowledged', 'determination', 'records_released', 'appeal_filed', 'appeal_decided', 'closed', 'withdrawn', 'extension_notice', 'info_request_sent', 'info_response_received']);

const RECORD_REQUEST: ItemKind[] = ['foia', 'privacy_act'];
type FieldReader = (r: Reader, body: Record<string, unknown>) => Record<string, unknown>;
const none: FieldReader = () => ({});
const date = (field: string, required = true): FieldReader => (r, b) => {
  const v = b[field];
  if (v === undefined || v === null || v === '') return required ? (r.fail(field, 'is required'), {}) : {};
  if (typeof v !== 'string' || !(isIsoDate(v) || isIsoDateTime(v))) return r.fail(field, 'must be a date or a date-time with offset'), {};
  return { [field]: v };
};

/** Every event type, the kinds it applies to and the fields it carries beside `type` and `at`. */
const EVENTS: Record<string, { kinds: ItemKind[]; names?: string[]; fields: FieldReader; future?: boolean }> = {
  received: { names: ['byComponent'], kinds: RECORD_REQUEST, fields: (r, b) => opt({ byComponent: r.string(b, 'byComponent', 'byComponent', { max: 200 }) }) },
  acknowledged: { names: ['trackingNumber'], kinds: RECORD_REQUEST, fields: (r, b) => ({ trackingNumber: r.string(b, 'trackingNumber', 'trackingNumber', { required: true, max: 100 }) }) },
  info_request_sent: { kinds: RECORD_REQUEST, fields: none },
  info_response_received: { kinds: RECORD_REQUEST, fields: none },
  fee_clarification_sent: { kinds: RECORD_REQUEST, fields: none },
  fee_clarification_received: { kinds: RECORD_REQUEST, fields: none },
  extension_notice: { names: ['workingDays'], kinds: RECORD_REQUEST, fields: (r, b) => ({ workingDays: int(r, b, 'workingDays', 1, 10) }) },
  expedite_decided: { names: ['granted'], kinds: RECORD_REQUEST, fields: (r, b) => ({ granted: r.boolean(b, 'granted', 'granted') }) },
  determination: { names: ['outcome'], kinds: RECORD_REQUEST, fields: (r, b) => ({ outcome: r.oneOf(b, 'outcome', 'outcome', EVENT_FIELD_VALUES.determination!.outcome!) }) },
  records_released: { names: ['final'], kinds: RECORD_REQUEST, fields: (r, b) => ({ final: r.boolean(b, 'final', 'final') }) },
  appeal_filed: { kinds: RECORD_REQUEST, fields: none },
  appeal_decided: { names: ['outcome'], kinds: RECORD_REQUEST, fields: (r, b) => ({ outcome: r.oneOf(b, 'outcome', 'outcome', EVENT_FIELD_VALUES.appeal_decided!.outcome!) }) },
  lawsuit_filed: { names: ['caseNumber'], kinds: RECORD_REQUEST, fields: (r, b) => opt({ caseNumber: r.string(b, 'caseNumber', 'caseNumber', { max: 100 }) }) },
  withdrawn: { kinds: [...RECORD_REQUEST, 'disclosure_notice'], fields: none },
  closed: { names: ['reason'], kinds: [...RECORD_REQUEST, 'record_production', 'filing', 'disclosure_notice'], fields: (r, b) => opt({ reason: r.string(b, 'reason', 'reason', { max: 500 }) }) },
  produced: { names: ['objectionDays'], kinds: ['record_production'], fields: (r, b) => opt({ objectionDays: intOpt(r, b, 'objectionDays', 1, 365) }) },
  objection_filed: { kinds: ['record_production'], fields: none },
  supplement_ordered: { names: ['due', 'days'], kinds: ['record_production'], fields: (r, b) => orderFields(r, b) },
  extension_granted: { names: ['newDue'], kinds: ['record_production', 'filing'], fields: date('newDue') },
  filed: { kinds: ['filing'], fields: none },
  vacated: { kinds: ['filing'], fields: none },
  trigger_changed: { names: ['triggerAt', 'service'], kinds: ['filing'], fields: (r, b) => ({ ...date('triggerAt')(r, b), ...opt({ service: serviceOpt(r, b) }) }) },
  opposition_served: { names: ['service'], kinds: ['filing'], fields: (r, b) => opt({ service: serviceOpt(r, b) }) },
  // A hearing is set now for a date to come: the one event whose date may lie in the future.
  hearing_set: { names: ['hearingAt', 'days'], kinds: ['filing'], fields: (r, b) => ({ ...date('hearingAt')(r, b), days: int(r, b, 'days', 1, 365) }), future: true },
  emergency_motion_filed: { kinds: ['disclosure_notice'], fields: none },
  disclosure_occurred: { kinds: ['disclosure_notice'], fields: none },
};

export const EVENT_TYPES = Object.keys(EVENTS);

/** Event types an item of `kind` accepts, with the fields each may carry beside `type` and `at`. */
export function eventTypesFor(kind: ItemKind): { type: string; fields: string[] }[] {
  return EVENT_TYPES.filter((t) => EVENTS[t]!.kinds.includes(kind)).map((t) => ({ type: t, fields: EVENTS[t]!.names ?? [] }));
}

/** The values an enumerated event field accepts (for forms and documentation). */
export const EVENT_FIELD_VALUES: Record<string, Record<string, readonly string[]>> = {
  determination: { outcome: ['full_grant', 'partial_grant', 'denial', 'no_records'] },
  appeal_decided: { outcome: ['granted', 'partially_granted', 'denied', 'remanded'] },
};

/** Validates an event body for an item of `kind`. Throws EventInvalidError naming each field. */
export function parseEvent(kind: ItemKind, body: unknown, now: Date): ValidEvent {
  if (!isPlainObject(body)) throw new EventInvalidError([{ field: '', message: 'The body must be a JSON object' }]);
  const r = new Reader();
  const type = typeof body.type === 'string' ? body.type : undefined;
  const spec = type ? EVENTS[type] : undefined;
  if (!type || !spec || !spec.kinds.includes(kind)) {
    const allowed = EVENT_TYPES.filter((t) => EVENTS[t]!.kinds.includes(kind));
    throw new EventInvalidError([{ field: 'type', message: `must be one of: ${allowed.join(', ')}` }]);
  }
  const at = readAt(r, body.at, now, spec.future ?? false);
  const data = spec.fields(r, body);
  const known = new Set(['type', 'at', ...(spec.names ?? [])]);
  for (const key of Object.keys(body)) if (!known.has(key)) r.fail(key, 'is not a field of this event');
  if (r.errors.length > 0 || !at) throw new EventInvalidError(r.errors);
  return { type, at, data };
}

/** Applies a valid event to an item and its deadlines. Throws EventRejectedError with the reason. */
export function applyEvent(item: TrackedItem, deadlines: readonly Deadline[], ev: ValidEvent, ctx: EventContext): ItemChange {
  if (item.status === 'closed') throw new EventRejectedError(`The item is closed (${item.phase}); no further events can be recorded`);
  const d = new Draft(item, deadlines, ev, ctx);
  switch (item.kind) {
    case 'foia':
    case 'privacy_act':
      recordRequest(d);
      break;
    case 'record_production':
      production(d);
      break;
    case 'filing':
      filing(d);
      break;
    case 'disclosure_notice':
      notice(d);
      break;
  }
  return d.toChange();
}

// ---------------------------------------------------------------- record requests

const RESPONSE = 'foia.response';

function recordRequest(d: Draft): void {
  const { ev, item } = d;
  const clock: FoiaClock = item.foia ?? { receivedAt: item.receivedAt, tolling: [] };
  const waiting = ['awaiting_response', 'extended'];
  switch (ev.type) {
    case 'received': {
      // Receipt by the component that processes the request starts the clock; the first receipt
      // by any designated component caps the start at 10 working days (552(a)(6)(A)(ii)).
      d.allow(['awaiting_response'], 'The clock can only be re-based before tolling, an extension or a determination');
      if (clock.tolling.length || clock.extensionWorkingDays) d.reject('The clock was already tolled or extended; record receipt first');
      const next: FoiaClock = { ...clock, receivedAt: ev.at, firstReceivedByDesignatedComponent: clock.firstReceivedByDesignatedComponent ?? item.receivedAt };
      if (Date.parse(dayStart(ev.at)) < Date.parse(dayStart(item.receivedAt))) d.reject('Receipt cannot come before the request was submitted');
      d.patch.foia = next;
      d.recomputeResponse(next);
      return;
    }
    case 'acknowledged':
      return;
    case 'info_request_sent':
    case 'fee_clarification_sent': {
      d.allow(waiting, 'The agency can only toll the clock while it is waiting on its response');
      const type = ev.type === 'info_request_sent' ? 'information_request' : 'fee_clarification';
      const earlierInfo = clock.tolling.some((t) => t.type === 'information_request');
      // One information-request toll only (552(a)(6)(A)(ii)(I)): a second is recorded but does not stop the clock.
      if (type === 'information_request' && earlierInfo) {
        d.note = 'A second request for information does not toll the clock (5 U.S.C. 552(a)(6)(A)(ii)(I)); recorded, clock not stopped';
        return;
      }
      d.patch.foia = { ...clock, tolling: [...clock.tolling, { type, agency_request_sent: ev.at }] };
      d.patch.phase = 'tolled';
      // Stopped clock: the response deadline has no date until the answer arrives.
      const open = d.open(RESPONSE);
      if (open) d.supersede(open);
      return;
    }
    case 'info_response_received':
    case 'fee_clarification_received': {
      d.allow(['tolled'], 'The clock is not tolled');
      const type = ev.type === 'info_response_received' ? 'information_request' : 'fee_clarification';
      const last = clock.tolling.at(-1);
      if (!last || last.requester_response_received || last.type !== type) d.reject(`The open toll is not a ${type.replace('_', ' ')}`);
      const tolling = [...clock.tolling.slice(0, -1), { ...last!, requester_response_received: ev.at }];
      const next = { ...clock, tolling };
      d.patch.foia = next;
      d.patch.phase = clock.extensionWorkingDays ? 'extended' : 'awaiting_response';
      d.recomputeResponse(next, lastSuperseded(d, RESPONSE));
      return;
    }
    case 'extension_notice': {
      d.allow(waiting, 'An extension can only be announced while the agency’s response is pending');
      const total = (clock.extensionWorkingDays ?? 0) + Number(ev.data.workingDays);
      if (total > 10) d.reject(`Unusual circumstances allow at most 10 extra working days in all (this would make ${total})`);
      const next = { ...clock, extensionWorkingDays: total };
      d.patch.foia = next;
      d.patch.phase = 'extended';
      d.recomputeResponse(next);
      return;
    }
    case 'expedite_decided': {
      const open = d.open('foia.expedite_decision');
      if (!open && !d.deadlines.some((x) => x.rule === 'foia.expedite_decision')) d.reject('Expedited processing was not requested');
      if (open) d.meet(open);
      return;
    }
    case 'determination': {
      d.allow([...waiting, 'tolled', 'exhausted'], 'A determination was already recorded');
      const response = d.open(RESPONSE);
      if (response) d.meet(response);
      const outcome = String(ev.data.outcome);
      d.patch.foia = { ...clock, outcome };
      if (outcome === 'full_grant') {
        d.patch.phase = 'determination_received';
      } else {
        // Adverse: the requester may appeal within 90 days (552(a)(6)(A)(i)(III)(aa)).
        d.patch.phase = 'appeal_window';
        d.add({ rule: 'foia.appeal_window', trigger: ev.at, params: agencyParam(item) });
      }
      return;
    }
    case 'records_released': {
      d.allow(['determination_received', 'appeal_window', 'appeal_pending', 'exhausted', ...waiting], 'Records cannot be released in this phase');
      if (ev.data.final && item.phase === 'determination_received') d.close('closed');
      return;
    }
    case 'appeal_filed': {
      d.allow(['appeal_window'], 'An appeal needs an adverse determination first');
      const window = d.open('foia.appeal_window');
      if (window) d.meet(window);
      else d.note = 'Filed after the appeal window closed';
      d.patch.phase = 'appeal_pending';
      d.add({ rule: 'foia.appeal_decision', trigger: ev.at, params: agencyParam(item) });
      return;
    }
    case 'appeal_decided': {
      d.allow(['appeal_pending', 'exhausted'], 'No appeal is pending');
      const decision = d.open('foia.appeal_decision');
      if (decision) d.meet(decision);
      const outcome = String(ev.data.outcome);
      // A denied appeal exhausts administrative remedies: the requester may sue (552(a)(4)(B)).
      d.patch.phase = outcome === 'denied' || outcome === 'partially_granted' ? 'exhausted' : 'determination_received';
      return;
    }
    case 'lawsuit_filed':
      d.close('litigation');
      return;
    case 'withdrawn':
    case 'closed':
      d.close('closed');
      return;
  }
}

// ---------------------------------------------------------------- court items

function production(d: Draft): void {
  const { ev } = d;
  switch (ev.type) {
    case 'produced': {
      d.allow(['awaiting_production', 'awaiting_supplement'], 'Nothing is awaiting production');
      const due = d.openAny();
      if (due) d.meet(due);
      else d.note = 'Produced after the deadline passed';
      if (ev.data.objectionDays) {
        d.patch.phase = 'objections_window';
        d.add({ rule: 'court_order.fixed', trigger: ev.at, params: { days: ev.data.objectionDays }, label: 'Objections to the record due' });
      } else {
        d.patch.phase = 'produced';
      }
      return;
    }
    case 'objection_filed': {
      d.allow(['objections_window', 'produced'], 'Objections follow a production');
      const due = d.open('court_order.fixed');
      if (due && d.item.phase === 'objections_window') d.meet(due);
      d.patch.phase = 'objections_filed';
      return;
    }
    case 'supplement_ordered':
      d.patch.phase = 'awaiting_supplement';
      d.add({ rule: 'court_order.fixed', trigger: ev.at, params: orderParams(ev.data), label: 'Supplement to the record due' });
      return;
    case 'extension_granted':
      extend(d, ['awaiting_production', 'awaiting_supplement', 'objections_window']);
      return;
    case 'closed':
      d.close('closed');
      return;
  }
}

function filing(d: Draft): void {
  const { ev, item } = d;
  switch (ev.type) {
    case 'extension_granted':
      extend(d, ['due', 'reply_due']);
      return;
    case 'filed': {
      d.allow(['due', 'reply_due'], 'Nothing is due to be filed');
      const due = d.openAny();
      if (due) d.meet(due);
      if (item.triggerSet && due) {
        // A set's later links count from this filing's actual service (the reply from the opposition's).
        const rest = d.deadlines.filter((x) => x.status === 'open' && x.id !== due.id);
        for (const { old, request } of servedFollowers(item, rest, due, ev.at)) d.supersede(old, request);
        if (rest.length) return; // more of the set is still due
      }
      d.patch.phase = 'filed';
      return;
    }
    case 'opposition_served': {
      // The chain: a reply counts from service of the opposition (LCvR 7(d)).
      d.allow(['filed'], 'An opposition answers a motion the team has filed');
      d.patch.phase = 'reply_due';
      d.add({ rule: 'lcvr7d.reply', trigger: ev.at, params: { service: ev.data.service ?? 'electronic' } });
      return;
    }
    case 'trigger_changed': {
      d.allow(['due'], 'The trigger can only move while the filing is due');
      if (item.triggerSet) {
        // Every deadline of the set counts from the trigger (or from a link that does): all move.
        for (const { old, request } of retriggeredSet(item, d.deadlines.filter((x) => x.status === 'open'), String(ev.data.triggerAt), d.ctx.calendar)) d.supersede(old, request);
        d.patch.triggerSet = { ...item.triggerSet, trigger: String(ev.data.triggerAt) };
        return;
      }
      const open = d.openAny();
      if (!open) d.reject('No open deadline counts from a trigger');
      const service = ev.data.service ?? open!.params.service;
      d.supersede(open!, { rule: open!.rule, trigger: String(ev.data.triggerAt), params: { ...open!.params, ...(service ? { service } : {}) } });
      return;
    }
    case 'hearing_set':
      d.add({ rule: 'frcp6.days', trigger: String(ev.data.hearingAt), params: { days: ev.data.days, direction: 'before' }, label: 'Due before the hearing' });
      if (item.phase !== 'due') d.patch.phase = 'due';
      return;
    case 'vacated':
    case 'closed':
      d.close('closed');
      return;
  }
}

function notice(d: Draft): void {
  const { ev } = d;
  switch (ev.type) {
    case 'emergency_motion_filed': {
      d.allow(['window_open', 'window_closed'], 'A motion was already filed');
      const window = d.open('frcp6.hours');
      if (window) d.meet(window);
      d.patch.phase = 'motion_filed';
      return;
    }
    case 'disclosure_occurred':
    case 'withdrawn':
    case 'closed':
      d.close('closed');
      return;
  }
}

function extend(d: Draft, phases: string[]): void {
  d.allow(phases, 'Nothing is due that an extension could move');
  const open = d.openAny();
  if (!open) d.reject('No open deadline to extend');
  const newDue = String(d.ev.data.newDue).slice(0, 10);
  if (newDue <= open!.due.slice(0, 10)) d.reject(`The new date ${newDue} is not after the current one (${open!.due.slice(0, 10)})`);
  d.supersede(open!, { rule: 'court_order.fixed', trigger: d.ev.at, params: { date: newDue }, label: `${open!.label} (extended)` });
}

// ---------------------------------------------------------------- the draft of a change

class Draft {
  readonly patch: Partial<TrackedItem> = {};
  private readonly touched = new Map<string, Deadline>();
  note?: string;

  constructor(
    readonly item: TrackedItem,
    readonly deadlines: readonly Deadline[],
    readonly ev: ValidEvent,
    readonly ctx: EventContext,
  ) {}

  reject(reason: string): never {
    throw new EventRejectedError(reason);
  }

  allow(phases: string[], reason: string): void {
    if (!phases.includes(this.item.phase)) this.reject(`${reason} (the item is ${this.item.phase.replace(/_/g, ' ')})`);
  }

  private current(): Deadline[] {
    return [...this.deadlines.map((x) => this.touched.get(x.id) ?? x), ...[...this.touched.values()].filter((x) => !this.deadlines.some((y) => y.id === x.id))];
  }

  /** The open deadline of a rule (by id prefix), soonest first. */
  open(rulePrefix: string): Deadline | undefined {
    return this.current()
      .filter((x) => x.status === 'open' && x.rule.startsWith(rulePrefix))
      .sort((a, b) => a.dueInstant.localeCompare(b.dueInstant))[0];
  }

  openAny(): Deadline | undefined {
    return this.open('');
  }

  private closeDeadline(x: Deadline, status: 'met' | 'superseded', extra: Partial<Deadline> = {}): Deadline {
    const closed = { ...x, ...extra, status, version: x.version + 1, closedAt: this.ev.at };
    this.touched.set(x.id, closed);
    return closed;
  }

  meet(x: Deadline): void {
    this.closeDeadline(x, 'met');
  }

  add(req: DeadlineRequest & { label?: string; link?: string }, supersedes?: Deadline): Deadline {
    const { label, link, ...request } = req;
    const created = newDeadline(this.item.id, request, this.ctx.newDeadlineId(), this.ctx.calendar);
    const full: Deadline = { ...created, ...(label ? { label } : {}), ...(link ? { link } : {}), ...(supersedes ? { supersedes: supersedes.id } : {}) };
    this.touched.set(full.id, full);
    return full;
  }

  /** Replaces a deadline by a recomputed one (or by none while a clock is stopped). */
  supersede(old: Deadline, replacement?: DeadlineRequest & { label?: string; link?: string }): void {
    if (!replacement) {
      this.closeDeadline(old, 'superseded');
      return;
    }
    const next = this.add(replacement, old);
    this.closeDeadline(old, 'superseded', { supersededBy: next.id });
  }

  recomputeResponse(clock: FoiaClock, previous?: Deadline): void {
    const open = this.open(RESPONSE);
    const req = responseRequest(this.item, clock);
    const old = open ?? previous;
    if (open) this.supersede(open, req);
    else this.add(req, old);
  }

  /** Closes the item: every open deadline is superseded, the workflow ends. */
  close(phase: string): void {
    for (const x of this.current()) if (x.status === 'open') this.closeDeadline(x, 'superseded');
    this.patch.phase = phase;
    this.patch.status = 'closed';
  }

  toChange(): ItemChange {
    const event: NewEvent = {
      itemId: this.item.id,
      type: this.ev.type,
      at: this.ev.at,
      recordedAt: this.ctx.now.toISOString(),
      recordedBy: this.ctx.recordedBy,
      public: PUBLIC_EVENTS.has(this.ev.type),
      data: { ...this.ev.data, ...(this.note ? { note: this.note } : {}) },
    };
    return change(this.item, this.patch, [...this.touched.values()], [event]);
  }
}

function responseRequest(item: TrackedItem, clock: FoiaClock): DeadlineRequest {
  const tolling = clock.tolling.filter((t) => t.requester_response_received);
  return {
    rule: clock.extensionWorkingDays ? 'foia.response+unusual' : 'foia.response',
    trigger: clock.receivedAt,
    params: {
      ...agencyParam(item),
      ...(clock.extensionWorkingDays ? { extension_working_days: clock.extensionWorkingDays } : {}),
      ...(tolling.length ? { tolling } : {}),
      ...(clock.firstReceivedByDesignatedComponent ? { first_received_by_designated_component: clock.firstReceivedByDesignatedComponent } : {}),
    },
  };
}

/** The response deadline superseded when the toll began: the recomputed one points back at it. */
function lastSuperseded(d: Draft, rulePrefix: string): Deadline | undefined {
  return d.deadlines.filter((x) => x.rule.startsWith(rulePrefix) && x.status === 'superseded' && !x.supersededBy).at(-1);
}

const agencyParam = (item: TrackedItem) => (item.agency ? { agency: item.agency } : {});

// ---------------------------------------------------------------- field readers

function readAt(r: Reader, value: unknown, now: Date, future: boolean): string | undefined {
  if (typeof value !== 'string' || !(isIsoDate(value) || isIsoDateTime(value))) {
    return r.fail('at', 'must be a date (YYYY-MM-DD, that day at the court) or a date-time with offset');
  }
  const tooLate = isIsoDate(value) ? value > dateIn(now) : Date.parse(value) > now.getTime() + FUTURE_TOLERANCE_MS;
  if (tooLate && !future) return r.fail('at', 'must not be in the future: record events when they happen');
  return value;
}

function int(r: Reader, b: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const v = r.number(b, field, field, { min, max });
  if (v === undefined && b[field] === undefined) return r.fail(field, 'is required');
  if (v !== undefined && !Number.isInteger(v)) return r.fail(field, 'must be a whole number');
  return v;
}

function intOpt(r: Reader, b: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  return b[field] === undefined ? undefined : int(r, b, field, min, max);
}

const SERVICE = ['electronic', 'mail', 'hand', 'consented_other'] as const;
function serviceOpt(r: Reader, b: Record<string, unknown>) {
  return b.service === undefined ? undefined : r.oneOf(b, 'service', 'service', SERVICE);
}

function orderFields(r: Reader, b: Record<string, unknown>): Record<string, unknown> {
  if (b.due !== undefined && b.days !== undefined) r.fail('due', 'give either due or days, not both');
  if (b.due === undefined && b.days === undefined) r.fail('due', 'is required (or days)');
  return { ...(b.due !== undefined ? date('due')(r, b) : {}), ...opt({ days: intOpt(r, b, 'days', 1, 3660) }) };
}

function orderParams(data: Record<string, unknown>): Record<string, unknown> {
  return data.due !== undefined ? { date: String(data.due).slice(0, 10) } : { days: data.days };
}

function dayStart(at: string): string {
  return isIsoDate(at) ? `${at}T12:00:00Z` : at;
}

function opt<T extends Record<string, unknown>>(obj: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
