/**
 * Validation of a record request as submitted through the public form or the API. Pure:
 * returns the normalised request or every field error.
 */
import * as v from 'valibot';
import type { RecordRequestDetails, RecordRequestKind } from './model';
import { blankable, closed, optional, defined, email, flag, moment, oneOf, optionalCount, optionalDate, optionalText, parseBody, rule, text } from './schema';
import { isIsoDate, RECORD_YEARS, type FieldError } from './validate';

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
export const MATTER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TEAM_FIELDS = ['matterId', 'receivedAt'];

/** A fee waiver or expedited processing: asked for or not, and the requester's statement. */
const request = () =>
  v.pipe(
    closed({ requested: flag(), justification: optionalText({ max: 5_000 }) }),
    // An agency decides a fee waiver or expedited processing on the requester's statement
    // (5 U.S.C. 552(a)(4)(A)(iii), (a)(6)(E)(vi)): a request for either without one is refused.
    rule<{ requested: boolean; justification: string }>('justification', (f) => (f.requested === true && !f.justification ? 'is required when requested is true' : undefined)),
  );

const publicEntries = {
  kind: oneOf(['foia', 'privacy_act']),
  agency: text({ max: 120, pattern: AGENCY, patternMessage: 'must be an agency name such as IRS, ICE, DHS or Treasury' }),
  requester: closed({
    name: text({ max: 200 }),
    email: email(),
    organization: optionalText({ max: 200 }),
    address: optionalText({ max: 500 }),
    phone: optionalText({ max: 30, pattern: PHONE, patternMessage: 'must be a phone number' }),
  }),
  description: text({ min: 10, max: 10_000 }),
  dateRange: optional(
    v.pipe(
      closed({ from: optionalDate(RECORD_YEARS), to: optionalDate(RECORD_YEARS) }, { optional: true }),
      rule<{ from: string; to: string }>('to', (r) =>
        typeof r.from === 'string' && typeof r.to === 'string' && isIsoDate(r.from) && isIsoDate(r.to) && r.from > r.to ? 'must not be before dateRange.from' : undefined,
      ),
    ),
  ),
  feeWaiver: request(),
  expedited: request(),
  feeLimit: optionalCount({ min: 0, max: 10_000_000 }),
};

/** A record request as the public sends it. */
export const PublicIntakeBody = closed(publicEntries, {
  unknown: (key) => (TEAM_FIELDS.includes(key) ? 'may only be set by the legal team (sign in first)' : 'is not a recognised field'),
});

/** A record request as the team sends it: also the matter it belongs to and when it was received. */
export function teamIntakeBody(now: Date) {
  return closed({
    ...publicEntries,
    matterId: optionalText({ max: 64, pattern: MATTER_ID, patternMessage: 'must be a matter id' }),
    // A bare date means that day; a date-time must carry its offset. Not in the future.
    receivedAt: blankable(moment({ requiredMessage: false, past: { now } })),
  });
}
export type IntakeBody = v.InferInput<ReturnType<typeof teamIntakeBody>>;

export function validateIntake(body: unknown, ctx: { team: boolean; now: Date }): IntakeResult {
  const parsed = parseBody(ctx.team ? teamIntakeBody(ctx.now) : PublicIntakeBody, body);
  if (!parsed.ok) return parsed;
  const { kind, agency, requester, description, dateRange, feeWaiver, expedited, feeLimit } = parsed.value;
  const { matterId, receivedAt } = parsed.value as { matterId?: string; receivedAt?: string };
  const range = dateRange && (dateRange.from || dateRange.to) ? defined(dateRange) : undefined;
  return {
    ok: true,
    value: {
      kind,
      agency,
      details: {
        requester: { name: requester.name, email: requester.email, ...defined({ organization: requester.organization, address: requester.address, phone: requester.phone }) },
        description,
        feeWaiver: { requested: feeWaiver.requested, ...defined({ justification: feeWaiver.justification }) },
        expedited: { requested: expedited.requested, ...defined({ justification: expedited.justification }) },
        ...defined({ dateRange: range as RecordRequestDetails['dateRange'], feeLimit }),
      },
      ...defined({ matterId, receivedAt }),
    },
  };
}
