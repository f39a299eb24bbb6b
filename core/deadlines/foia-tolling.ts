/**
 * FOIA tolling, 5 U.S.C. 552(a)(6)(A)(ii)(I)-(II): the agency may stop the 20-day clock once
 * for a request for information and any number of times to clarify fees; "the agency's
 * receipt of the requester's response ... ends the tolling period".
 */
import { isoOf, labelDay, type Calendar, type EpochDay } from '../calendar';
import { DeadlineInputError } from './errors';
import type { ParamReader } from './params';
import type { Reading } from './readings';
import { SILENT, type Trace } from './receipt';
import { parseMoment } from './time';
import { countWorkingDays, type TolledSpan } from './working-days';

const CLAUSE = '5 U.S.C. 552(a)(6)(A)(ii)';

type TollType = 'information_request' | 'fee_clarification';
const TOLL_TYPES: readonly TollType[] = ['information_request', 'fee_clarification'];
const TOLL_FIELDS = ['type', 'agency_request_sent', 'requester_response_received'];

export interface Toll {
  type: TollType;
  sent: EpochDay;
  answered: EpochDay;
}

export function readTolls(r: ParamReader): Toll[] {
  const list = r.list('tolling') ?? [];
  return list.map((entry, i) => {
    const field = `params.tolling[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new DeadlineInputError('must be an object {type, agency_request_sent, requester_response_received}', field);
    }
    const t = entry as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (!TOLL_FIELDS.includes(key) && key !== 'note') throw new DeadlineInputError('is not a tolling field', `${field}.${key}`);
    }
    if (!TOLL_TYPES.includes(t.type as TollType)) {
      throw new DeadlineInputError(`must be "information_request" or "fee_clarification", not ${JSON.stringify(t.type)}`, `${field}.type`);
    }
    const sent = readTollDate(t.agency_request_sent, `${field}.agency_request_sent`);
    if (t.requester_response_received === undefined || t.requester_response_received === null) {
      throw new DeadlineInputError('is required: the clock stays stopped until the answer arrives, so no date can be computed yet', `${field}.requester_response_received`);
    }
    const answered = readTollDate(t.requester_response_received, `${field}.requester_response_received`);
    if (answered < sent) throw new DeadlineInputError('must not be before agency_request_sent', `${field}.requester_response_received`);
    return { type: t.type as TollType, sent, answered };
  });
}

function readTollDate(value: unknown, field: string): EpochDay {
  if (value === undefined || value === null) throw new DeadlineInputError('is required', field);
  return parseMoment(value, field).day;
}

/**
 * 552(a)(6)(A)(ii)(I)-(II): one request for information, any number of fee clarifications. The
 * day the agency sends its request counts; the days after it through the day the answer
 * arrives do not (the agency's receipt of the answer ends the tolling period).
 */
export function tolledSpans(calendar: Calendar, day0: EpochDay, total: number, tolls: readonly Toll[], reading: Reading, trace: Trace): TolledSpan[] {
  const spans: TolledSpan[] = [];
  let informationRequestUsed = false;
  const sorted = [...tolls].sort((a, b) => a.sent - b.sent || a.answered - b.answered);
  for (const toll of sorted) {
    const info = toll.type === 'information_request';
    const what = info ? 'Request for information' : 'Fee clarification';
    const clause = info ? `${CLAUSE}(I)` : `${CLAUSE}(II)`;
    if (info && informationRequestUsed) {
      if (trace.on) trace.add('toll', `${what} sent ${labelDay(toll.sent)} is IGNORED: the agency may toll the clock for only one request for information (${clause}). Flagged for review.`, toll.sent);
      continue;
    }
    const dueSoFar = countWorkingDays(calendar, day0, total, reading, SILENT, spans);
    if (toll.sent >= dueSoFar) {
      if (trace.on) trace.add('toll', `${what} sent ${labelDay(toll.sent)} is IGNORED: it was sent on or after ${labelDay(dueSoFar)}, the day the time limit ran, so there was no running clock to toll (${clause}). Flagged for review.`, toll.sent);
      continue;
    }
    if (info) informationRequestUsed = true;
    const last = reading.answerDayCounts ? toll.answered - 1 : toll.answered;
    const why = trace.on ? `${what.toLowerCase()} sent ${isoOf(toll.sent)}, answered ${isoOf(toll.answered)}` : '';
    if (last > toll.sent) spans.push({ first: toll.sent + 1, last, why });
    if (!trace.on) continue;
    trace.add(
      'toll',
      last > toll.sent
        ? `${what} sent to the requester ${labelDay(toll.sent)}: that day counts; the clock stops from ${labelDay(toll.sent + 1)} through ${labelDay(last)}, the day the requester's answer arrived, when the tolling period ends (${clause}).`
        : `${what} sent ${labelDay(toll.sent)} and answered the same day: no day is tolled (${clause}).`,
      toll.sent,
    );
  }
  return spans;
}
