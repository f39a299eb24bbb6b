/**
 * Validation of a record request as submitted through the public form or the API. Pure:
 * returns the normalised request or every field error.
 */
import type { RecordRequestDetails, RecordRequestKind } from './model';
import { ENGINE_YEARS, inYears, isFuture, isIsoMoment, isPlainObject, Reader, RECORD_YEARS, yearsMessage, type FieldError } from './validate';

export interface IntakeInput {
  kind: RecordRequestKind;
  agency: string;
  details: RecordRequestDetails;
  /** Only from the team. */
  matterId?: string;
  receivedAt?: string;
}

export type IntakeResult = { ok: true; value: IntakeInput } | { ok: false; errors: FieldError[] };

// An agency name is a short name or acronym: letters, digits, spaces and a little punctuation.
const AGENCY = /^[\p{L}\p{N}][\p{L}\p{N} .,&'()/-]*$/u;
const PHONE = /^[+0-9 ().x-]{7,30}$/;
const MATTER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** How far in the future a stated receipt time may be (clock skew), in ms. */

const TOP_FIELDS = ['kind', 'agency', 'requester', 'description', 'dateRange', 'feeWaiver', 'expedited', 'feeLimit'];
const TEAM_FIELDS = ['matterId', 'receivedAt'];

export function validateIntake(body: unknown, ctx: { team: boolean; now: Date }): IntakeResult {
  const r = new Reader();
  if (!isPlainObject(body)) return { ok: false, errors: [{ field: '', message: 'The body must be a JSON object' }] };

  for (const key of Object.keys(body)) {
    if (TEAM_FIELDS.includes(key) && !ctx.team) r.fail(key, 'may only be set by the legal team (sign in first)');
    else if (!TOP_FIELDS.includes(key) && !TEAM_FIELDS.includes(key)) r.fail(key, 'is not a recognised field');
  }

  const kind = r.oneOf(body, 'kind', 'kind', ['foia', 'privacy_act'] as const);
  const agency = r.string(body, 'agency', 'agency', {
    required: true,
    max: 120,
    pattern: AGENCY,
    patternMessage: 'must be an agency name such as IRS, ICE, DHS or Treasury',
  });

  const requesterObj = r.object(body, 'requester', 'requester', true);
  let requester: RecordRequestDetails['requester'] | undefined;
  if (requesterObj) {
    r.only(requesterObj, 'requester', ['name', 'email', 'organization', 'address', 'phone']);
    const name = r.string(requesterObj, 'name', 'requester.name', { required: true, max: 200 });
    const email = r.email(requesterObj, 'email', 'requester.email');
    const organization = r.string(requesterObj, 'organization', 'requester.organization', { max: 200 });
    const address = r.string(requesterObj, 'address', 'requester.address', { max: 500 });
    const phone = r.string(requesterObj, 'phone', 'requester.phone', { max: 30, pattern: PHONE, patternMessage: 'must be a phone number' });
    if (name && email) requester = { name, email, ...opt({ organization, address, phone }) };
  }

  const description = r.string(body, 'description', 'description', { required: true, min: 10, max: 10_000 });

  let dateRange: RecordRequestDetails['dateRange'];
  const rangeObj = r.object(body, 'dateRange', 'dateRange', false);
  if (rangeObj) {
    r.only(rangeObj, 'dateRange', ['from', 'to']);
    const from = r.date(rangeObj, 'from', 'dateRange.from', RECORD_YEARS);
    const to = r.date(rangeObj, 'to', 'dateRange.to', RECORD_YEARS);
    if (from && to && from > to) r.fail('dateRange.to', 'must not be before dateRange.from');
    if (from || to) dateRange = opt({ from, to });
  }

  const feeWaiver = flag(r, body, 'feeWaiver');
  const expedited = flag(r, body, 'expedited');
  const feeLimit = r.number(body, 'feeLimit', 'feeLimit', { min: 0, max: 10_000_000 });

  let matterId: string | undefined;
  let receivedAt: string | undefined;
  if (ctx.team) {
    matterId = r.string(body, 'matterId', 'matterId', { max: 64, pattern: MATTER_ID, patternMessage: 'must be a matter id' });
    receivedAt = readReceivedAt(r, body.receivedAt, ctx.now);
  }

  if (r.errors.length > 0 || !kind || !agency || !requester || !description || !feeWaiver || !expedited) {
    return { ok: false, errors: r.errors };
  }
  return {
    ok: true,
    value: {
      kind,
      agency,
      details: { requester, description, feeWaiver, expedited, ...opt({ dateRange, feeLimit }) },
      ...opt({ matterId, receivedAt }),
    },
  };
}

function flag(r: Reader, body: Record<string, unknown>, field: 'feeWaiver' | 'expedited') {
  const obj = r.object(body, field, field, true);
  if (!obj) return undefined;
  r.only(obj, field, ['requested', 'justification']);
  const requested = r.boolean(obj, 'requested', `${field}.requested`);
  const justification = r.string(obj, 'justification', `${field}.justification`, { max: 5_000 });
  // An agency decides a fee waiver or expedited processing on the requester's statement
  // (5 U.S.C. 552(a)(4)(A)(iii), (a)(6)(E)(vi)): a request for either without one is refused.
  if (requested && !justification) return r.fail(`${field}.justification`, 'is required when requested is true');
  if (requested === undefined) return undefined;
  return { requested, ...opt({ justification }) };
}

/** A bare date means that day; a date-time must carry its offset. Not in the future. */
function readReceivedAt(r: Reader, value: unknown, now: Date): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isIsoMoment(value)) return r.fail('receivedAt', 'must be a date (YYYY-MM-DD) or a date-time with offset');
  if (!inYears(value, ENGINE_YEARS)) return r.fail('receivedAt', yearsMessage(ENGINE_YEARS));
  if (isFuture(value, now)) return r.fail('receivedAt', 'must not be in the future');
  return value;
}

/** Drops undefined members so stored records carry no empty fields. */
function opt<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as never;
}
