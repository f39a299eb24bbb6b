/**
 * The event catalogue: every event type, the kinds of item it applies to, and the fields it
 * carries beside `type` and `at`, each with its reader. A malformed event is refused with every
 * field error at once (HTTP 400).
 */
import { SERVICE_METHODS } from '../deadlines/service';
import type { ItemKind } from '../model';
import { ENGINE_YEARS, inYears, isFuture, isIsoMoment, isPlainObject, Reader, yearsMessage, type FieldError } from '../validate';

export class EventInvalidError extends Error {
  override name = 'EventInvalidError';
  constructor(readonly errors: FieldError[]) {
    super('The event has invalid fields');
  }
}

export interface ValidEvent {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** Events the requester sees on the public tracking page. */
export const PUBLIC_EVENTS: ReadonlySet<string> = new Set(['received', 'acknowledged', 'determination', 'records_released', 'appeal_filed', 'appeal_decided', 'closed', 'withdrawn', 'extension_notice', 'info_request_sent', 'info_response_received']);


/** The values an enumerated event field accepts (for forms and documentation). */
export const EVENT_FIELD_VALUES: Readonly<Record<string, Record<string, readonly string[]>>> = {
  determination: { outcome: ['full_grant', 'partial_grant', 'denial', 'no_records'] },
  appeal_decided: { outcome: ['granted', 'partially_granted', 'denied', 'remanded'] },
};

const RECORD_REQUEST: ItemKind[] = ['foia', 'privacy_act'];
type FieldReader = (r: Reader, body: Record<string, unknown>) => Record<string, unknown>;

interface EventSpec {
  kinds: ItemKind[];
  /** The fields it carries beside `type` and `at`. */
  names?: string[];
  fields: FieldReader;
  /** Whether its `at` may lie in the future. */
  future?: boolean;
}

const none: FieldReader = () => ({});
const date = (field: string): FieldReader => (r, b) => {
  const v = b[field];
  if (v === undefined || v === null || v === '') return r.fail(field, 'is required'), {};
  if (!isIsoMoment(v)) return r.fail(field, 'must be a date or a date-time with offset'), {};
  if (!inYears(v, ENGINE_YEARS)) return r.fail(field, yearsMessage(ENGINE_YEARS)), {};
  return { [field]: v };
};
const outcome = (type: string): FieldReader => (r, b) => ({ outcome: r.oneOf(b, 'outcome', 'outcome', EVENT_FIELD_VALUES[type]!.outcome!) });

/** Every event type. A Map, so a type named like an Object member (`constructor`) is simply unknown. */
const EVENTS: ReadonlyMap<string, EventSpec> = new Map<string, EventSpec>([
  ['received', { names: ['byComponent'], kinds: RECORD_REQUEST, fields: (r, b) => opt({ byComponent: r.string(b, 'byComponent', 'byComponent', { max: 200 }) }) }],
  ['acknowledged', { names: ['trackingNumber'], kinds: RECORD_REQUEST, fields: (r, b) => ({ trackingNumber: r.string(b, 'trackingNumber', 'trackingNumber', { required: true, max: 100 }) }) }],
  ['info_request_sent', { kinds: RECORD_REQUEST, fields: none }],
  ['info_response_received', { kinds: RECORD_REQUEST, fields: none }],
  ['fee_clarification_sent', { kinds: RECORD_REQUEST, fields: none }],
  ['fee_clarification_received', { kinds: RECORD_REQUEST, fields: none }],
  ['extension_notice', { names: ['workingDays'], kinds: RECORD_REQUEST, fields: (r, b) => ({ workingDays: int(r, b, 'workingDays', 1, 10) }) }],
  ['expedite_decided', { names: ['granted'], kinds: RECORD_REQUEST, fields: (r, b) => ({ granted: r.boolean(b, 'granted', 'granted') }) }],
  ['determination', { names: ['outcome'], kinds: RECORD_REQUEST, fields: outcome('determination') }],
  ['records_released', { names: ['final'], kinds: RECORD_REQUEST, fields: (r, b) => ({ final: r.boolean(b, 'final', 'final') }) }],
  ['appeal_filed', { kinds: RECORD_REQUEST, fields: none }],
  ['appeal_decided', { names: ['outcome'], kinds: RECORD_REQUEST, fields: outcome('appeal_decided') }],
  ['lawsuit_filed', { names: ['caseNumber'], kinds: RECORD_REQUEST, fields: (r, b) => opt({ caseNumber: r.string(b, 'caseNumber', 'caseNumber', { max: 100 }) }) }],
  ['withdrawn', { kinds: [...RECORD_REQUEST, 'disclosure_notice'], fields: none }],
  ['closed', { names: ['reason'], kinds: [...RECORD_REQUEST, 'record_production', 'filing', 'disclosure_notice'], fields: (r, b) => opt({ reason: r.string(b, 'reason', 'reason', { max: 500 }) }) }],
  ['produced', { names: ['objectionDays'], kinds: ['record_production'], fields: (r, b) => opt({ objectionDays: intOpt(r, b, 'objectionDays', 1, 365) }) }],
  ['objection_filed', { kinds: ['record_production'], fields: none }],
  ['supplement_ordered', { names: ['due', 'days'], kinds: ['record_production'], fields: (r, b) => orderFields(r, b) }],
  ['extension_granted', { names: ['newDue'], kinds: ['record_production', 'filing'], fields: date('newDue') }],
  ['filed', { kinds: ['filing'], fields: none }],
  ['vacated', { kinds: ['filing'], fields: none }],
  ['trigger_changed', { names: ['triggerAt', 'service'], kinds: ['filing'], fields: (r, b) => ({ ...date('triggerAt')(r, b), ...opt({ service: serviceOpt(r, b) }) }) }],
  ['opposition_served', { names: ['service'], kinds: ['filing'], fields: (r, b) => opt({ service: serviceOpt(r, b) }) }],
  // A hearing is set now for a date to come: the one event whose date may lie in the future.
  ['hearing_set', { names: ['hearingAt', 'days'], kinds: ['filing'], fields: (r, b) => ({ ...date('hearingAt')(r, b), days: int(r, b, 'days', 1, 365) }), future: true }],
  ['emergency_motion_filed', { kinds: ['disclosure_notice'], fields: none }],
  ['disclosure_occurred', { kinds: ['disclosure_notice'], fields: none }],
]);

export const EVENT_TYPES: readonly string[] = [...EVENTS.keys()];

/** Event types an item of `kind` accepts, with the fields each may carry beside `type` and `at`. */
export function eventTypesFor(kind: ItemKind): { type: string; fields: string[] }[] {
  return [...EVENTS].filter(([, spec]) => spec.kinds.includes(kind)).map(([type, spec]) => ({ type, fields: spec.names ?? [] }));
}

/** Validates an event body for an item of `kind`. Throws EventInvalidError naming each field. */
export function parseEvent(kind: ItemKind, body: unknown, now: Date): ValidEvent {
  if (!isPlainObject(body)) throw new EventInvalidError([{ field: '', message: 'The body must be a JSON object' }]);
  const r = new Reader();
  const type = typeof body.type === 'string' ? body.type : undefined;
  const spec = type === undefined ? undefined : EVENTS.get(type);
  if (!type || !spec || !spec.kinds.includes(kind)) {
    throw new EventInvalidError([{ field: 'type', message: `must be one of: ${eventTypesFor(kind).map((e) => e.type).join(', ')}` }]);
  }
  const at = readAt(r, body.at, now, spec.future ?? false);
  const data = spec.fields(r, body);
  const known = new Set(['type', 'at', ...(spec.names ?? [])]);
  for (const key of Object.keys(body)) if (!known.has(key)) r.fail(key, 'is not a field of this event');
  if (r.errors.length > 0 || !at) throw new EventInvalidError(r.errors);
  return { type, at, data };
}

function readAt(r: Reader, value: unknown, now: Date, future: boolean): string | undefined {
  if (!isIsoMoment(value)) return r.fail('at', 'must be a date (YYYY-MM-DD, that day at the court) or a date-time with offset');
  if (!inYears(value, ENGINE_YEARS)) return r.fail('at', yearsMessage(ENGINE_YEARS));
  if (!future && isFuture(value, now)) return r.fail('at', 'must not be in the future: record events when they happen');
  return value;
}

function int(r: Reader, b: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const v = r.number(b, field, field, { min, max });
  if (v === undefined && (b[field] === undefined || b[field] === null)) return r.fail(field, 'is required');
  if (v !== undefined && !Number.isInteger(v)) return r.fail(field, 'must be a whole number');
  return v;
}

function intOpt(r: Reader, b: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  return b[field] === undefined ? undefined : int(r, b, field, min, max);
}

function serviceOpt(r: Reader, b: Record<string, unknown>) {
  return b.service === undefined ? undefined : r.oneOf(b, 'service', 'service', SERVICE_METHODS);
}

function orderFields(r: Reader, b: Record<string, unknown>): Record<string, unknown> {
  if (b.due !== undefined && b.days !== undefined) r.fail('due', 'give either due or days, not both');
  if (b.due === undefined && b.days === undefined) r.fail('due', 'is required (or days)');
  return { ...(b.due !== undefined ? date('due')(r, b) : {}), ...opt({ days: intOpt(r, b, 'days', 1, 3660) }) };
}

function opt<T extends Record<string, unknown>>(obj: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
