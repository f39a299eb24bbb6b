/**
 * The event catalogue: every event type, the kinds of item it applies to, and the fields it
 * carries beside `type` and `at`, each with its reader. A malformed event is refused with every
 * field error at once (HTTP 400).
 */
import { SERVICE_METHODS } from '../deadlines/service';
import type { ItemKind } from '../model';
import * as v from 'valibot';
import { closed, count, flag, moment, oneOf, optionalText, parseBody, rule, text } from '../schema';
import { isPlainObject, type FieldError } from '../validate';

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

interface EventSpec {
  kinds: ItemKind[];
  /** The fields it carries beside `type` and `at`, each with its schema. */
  fields: v.ObjectEntries;
  /** A rule across its fields. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rule?: v.RawCheckAction<any>;
  /** Whether its `at` may lie in the future. */
  future?: boolean;
}

const DATE = 'must be a date or a date-time with offset';
const date = (description: string) => moment({ message: DATE, description: `${description}: ISO date (that day at the court) or date-time with offset` });
const whole = (min: number, max: number, description: string) => count({ min, max, integer: 'must be a whole number', description });
const service = () => v.optional(oneOf(SERVICE_METHODS));
const outcome = (type: string) => ({ outcome: oneOf(EVENT_FIELD_VALUES[type]!.outcome!) });

/** Every event type. A Map, so a type named like an Object member (`constructor`) is simply unknown. */
const EVENTS: ReadonlyMap<string, EventSpec> = new Map<string, EventSpec>([
  ['received', { kinds: RECORD_REQUEST, fields: { byComponent: optionalText({ max: 200 }) } }],
  ['acknowledged', { kinds: RECORD_REQUEST, fields: { trackingNumber: text({ max: 100 }) } }],
  ['info_request_sent', { kinds: RECORD_REQUEST, fields: {} }],
  ['info_response_received', { kinds: RECORD_REQUEST, fields: {} }],
  ['fee_clarification_sent', { kinds: RECORD_REQUEST, fields: {} }],
  ['fee_clarification_received', { kinds: RECORD_REQUEST, fields: {} }],
  ['extension_notice', { kinds: RECORD_REQUEST, fields: { workingDays: whole(1, 10, 'Extra working days (at most 10)') } }],
  ['expedite_decided', { kinds: RECORD_REQUEST, fields: { granted: flag() } }],
  ['determination', { kinds: RECORD_REQUEST, fields: outcome('determination') }],
  ['records_released', { kinds: RECORD_REQUEST, fields: { final: flag() } }],
  ['appeal_filed', { kinds: RECORD_REQUEST, fields: {} }],
  ['appeal_decided', { kinds: RECORD_REQUEST, fields: outcome('appeal_decided') }],
  ['lawsuit_filed', { kinds: RECORD_REQUEST, fields: { caseNumber: optionalText({ max: 100 }) } }],
  ['withdrawn', { kinds: [...RECORD_REQUEST, 'disclosure_notice'], fields: {} }],
  ['closed', { kinds: [...RECORD_REQUEST, 'record_production', 'filing', 'disclosure_notice'], fields: { reason: optionalText({ max: 500 }) } }],
  ['produced', { kinds: ['record_production'], fields: { objectionDays: v.optional(whole(1, 365, 'Days allowed for objections, if the order sets them')) } }],
  ['objection_filed', { kinds: ['record_production'], fields: {} }],
  [
    'supplement_ordered',
    {
      kinds: ['record_production'],
      fields: { due: v.optional(date('Supplement due on')), days: v.optional(whole(1, 3660, 'Or: due this many days after the order')) },
      rule: rule<{ due: unknown; days: unknown }>('due', (b) =>
        b.due !== undefined && b.days !== undefined ? 'give either due or days, not both' : b.due === undefined && b.days === undefined ? 'is required (or days)' : undefined,
      ),
    },
  ],
  ['extension_granted', { kinds: ['record_production', 'filing'], fields: { newDue: date('New due date') } }],
  ['filed', { kinds: ['filing'], fields: {} }],
  ['vacated', { kinds: ['filing'], fields: {} }],
  ['trigger_changed', { kinds: ['filing'], fields: { triggerAt: date('New trigger date'), service: service() } }],
  ['opposition_served', { kinds: ['filing'], fields: { service: service() } }],
  // A hearing is set now for a date to come: the one event whose date may lie in the future.
  ['hearing_set', { kinds: ['filing'], fields: { hearingAt: date('Hearing date'), days: whole(1, 365, 'Due how many days before the hearing') }, future: true }],
  ['emergency_motion_filed', { kinds: ['disclosure_notice'], fields: {} }],
  ['disclosure_occurred', { kinds: ['disclosure_notice'], fields: {} }],
]);

const AT = 'must be a date (YYYY-MM-DD, that day at the court) or a date-time with offset';

/** The body of an event of `type`: its type, when it happened and its own fields, nothing else. */
export function eventBody(type: string, now: Date) {
  const spec = EVENTS.get(type);
  if (!spec) throw new RangeError(`unknown event type ${type}`);
  const at = moment({ message: AT, requiredMessage: false, ...(spec.future ? {} : { past: { now, message: 'must not be in the future: record events when they happen' } }) });
  const body = closed({ type: v.literal(type), at, ...spec.fields }, { unknown: 'is not a field of this event', unknownLast: true });
  return spec.rule ? v.pipe(body, spec.rule) : body;
}

export const EVENT_TYPES: readonly string[] = [...EVENTS.keys()];

/** Event types an item of `kind` accepts, with the fields each may carry beside `type` and `at`. */
export function eventTypesFor(kind: ItemKind): { type: string; fields: string[] }[] {
  return [...EVENTS].filter(([, spec]) => spec.kinds.includes(kind)).map(([type, spec]) => ({ type, fields: Object.keys(spec.fields) }));
}

/** Validates an event body for an item of `kind`. Throws EventInvalidError naming each field. */
export function parseEvent(kind: ItemKind, body: unknown, now: Date): ValidEvent {
  if (!isPlainObject(body)) throw new EventInvalidError([{ field: '', message: 'The body must be a JSON object' }]);
  const type = typeof body.type === 'string' ? body.type : undefined;
  const spec = type === undefined ? undefined : EVENTS.get(type);
  if (!type || !spec || !spec.kinds.includes(kind)) {
    throw new EventInvalidError([{ field: 'type', message: `must be one of: ${eventTypesFor(kind).map((e) => e.type).join(', ')}` }]);
  }
  const parsed = parseBody(eventBody(type, now), body);
  if (!parsed.ok) throw new EventInvalidError(parsed.errors);
  const { type: _t, at, ...fields } = parsed.value as Record<string, unknown> & { at: string };
  const data = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined));
  return { type, at, data };
}
