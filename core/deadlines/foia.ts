/**
 * FOIA clocks, 5 U.S.C. 552(a)(6). Agency-side: working days exclude Saturdays, Sundays and
 * legal public holidays; calendar-day periods do not roll (DESIGN.md, "Deadline policy").
 */
import { dayFacts, isoOf, labelDay, type Calendar, type EpochDay } from '../calendar';
import { DeadlineInputError } from './errors';
import { LIMITS, type ParamReader } from './params';
import type { Reading } from './readings';
import { SILENT, type Trace } from './receipt';
import { defineRule, type Outcome, type RuleContext } from './rule';
import { parseMoment, type Moment } from './time';
import { countWorkingDays, isWorkingDay, nextWorkingDay, nonWorkingReason, type TolledSpan } from './working-days';

const STATUTE = '5 U.S.C. 552(a)(6)';
/** 552(a)(6)(A)(i) and (ii): "20 days (excepting Saturdays, Sundays, and legal public holidays)". */
const STATUTORY_WORKING_DAYS = 20;
/** 552(a)(6)(B)(i): "No such notice shall specify ... an extension for more than ten working days". */
const MAX_EXTENSION = 10;
/** 552(a)(6)(A)(ii): "not later than ten days after ... first received by any [designated] component". */
const START_CAP_DAYS = 10;

type TollType = 'information_request' | 'fee_clarification';
const TOLL_TYPES: readonly TollType[] = ['information_request', 'fee_clarification'];
const TOLL_FIELDS = ['type', 'agency_request_sent', 'requester_response_received'];

interface Toll {
  type: TollType;
  sent: EpochDay;
  answered: EpochDay;
}

interface WorkingDayParams {
  workingDays: number;
  extension: number;
  firstReceived?: EpochDay;
  tolls: Toll[];
}

// ---- parameters ----

function readWorkingDays(r: ParamReader): number {
  return r.int('working_days', { min: 1, max: LIMITS.working_days }) ?? STATUTORY_WORKING_DAYS;
}

function readExtension(r: ParamReader, fallback: number): number {
  return r.int('extension_working_days', { min: 0, max: MAX_EXTENSION }) ?? fallback;
}

function readFirstReceived(r: ParamReader, trigger: Moment): EpochDay | undefined {
  const first = r.day('first_received_by_designated_component');
  if (first !== undefined && first > trigger.day) {
    throw r.error('first_received_by_designated_component', 'must not be after the trigger (receipt by the component that processes the request)');
  }
  return first;
}

function readTolls(r: ParamReader): Toll[] {
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

// ---- day 0, the start cap, tolling ----

function startCap(calendar: Calendar, first: EpochDay, reading: Reading): EpochDay {
  return reading.capInCalendarDays ? first + START_CAP_DAYS : countWorkingDays(calendar, first, START_CAP_DAYS, reading, SILENT);
}

/** Day 0: receipt by the processing component, capped, and (alternative) moved off a non-working day. */
function dayZero(ctx: RuleContext<{ firstReceived?: EpochDay }>, reading: Reading, trace: Trace, what: string): EpochDay {
  const { calendar, trigger, params } = ctx;
  let day0 = trigger.day;
  if (params.firstReceived !== undefined) {
    const cap = startCap(calendar, params.firstReceived, reading);
    const capText = `First received by a component designated to receive requests on ${labelDay(params.firstReceived)}; the period commences no later than ten working days after that, on ${labelDay(cap)} (${STATUTE}(A)(ii))`;
    if (cap < day0) {
      day0 = cap;
      trace.add('startcap', `${capText}, which is earlier than receipt by the processing component: the clock starts on ${labelDay(cap)}.`, cap);
    } else {
      trace.add('startcap', `${capText}; receipt by the processing component came first, so the cap does not apply.`, cap);
    }
  }
  const why = nonWorkingReason(dayFacts(calendar, day0), reading);
  if (why && reading.receiptNextWorkingDay) day0 = nextWorkingDay(calendar, day0, reading);
  if (!trace.on) return day0;
  if (why) {
    trace.add('day0', `Day 0: ${labelDay(day0)}, the day ${what}, taken as day 0 as it happened even though it is not a working day (${why}) (Docketwatch policy; see the alternative). It is not counted.`, day0);
  } else {
    trace.add('day0', `Day 0: ${labelDay(day0)}, the day ${what}. It is not counted; day 1 is the next working day.`, day0);
  }
  return day0;
}

/**
 * 552(a)(6)(A)(ii)(I)-(II): one request for information, any number of fee clarifications. The
 * day the agency sends its request counts; the days after it through the day the answer
 * arrives do not (the agency's receipt of the answer ends the tolling period).
 */
function tolledSpans(calendar: Calendar, day0: EpochDay, total: number, tolls: readonly Toll[], reading: Reading, trace: Trace): TolledSpan[] {
  const spans: TolledSpan[] = [];
  let informationRequestUsed = false;
  const sorted = [...tolls].sort((a, b) => a.sent - b.sent || a.answered - b.answered);
  for (const toll of sorted) {
    const info = toll.type === 'information_request';
    const what = info ? 'Request for information' : 'Fee clarification';
    const clause = info ? `${STATUTE}(A)(ii)(I)` : `${STATUTE}(A)(ii)(II)`;
    if (info && informationRequestUsed) {
      trace.add('toll', `${what} sent ${labelDay(toll.sent)} is IGNORED: the agency may toll the clock for only one request for information (${clause}). Flagged for review.`, toll.sent);
      continue;
    }
    const dueSoFar = countWorkingDays(calendar, day0, total, reading, SILENT, spans);
    if (toll.sent >= dueSoFar) {
      trace.add('toll', `${what} sent ${labelDay(toll.sent)} is IGNORED: it was sent on or after ${labelDay(dueSoFar)}, the day the time limit ran, so there was no running clock to toll (${clause}). Flagged for review.`, toll.sent);
      continue;
    }
    if (info) informationRequestUsed = true;
    const last = reading.answerDayCounts ? toll.answered - 1 : toll.answered;
    const why = `${what.toLowerCase()} sent ${isoOf(toll.sent)}, answered ${isoOf(toll.answered)}`;
    if (last > toll.sent) spans.push({ first: toll.sent + 1, last, why });
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

// ---- the clocks ----

/** N working days after day 0, with any extension and tolling. */
function workingDayClock(ctx: RuleContext<WorkingDayParams>, reading: Reading, trace: Trace, what: string): Outcome {
  const { calendar, params } = ctx;
  const day0 = dayZero(ctx, reading, trace, what);
  const total = params.workingDays + params.extension;
  if (params.workingDays !== STATUTORY_WORKING_DAYS) {
    trace.add('note', `Period of ${params.workingDays} working days as given (the statute's is ${STATUTORY_WORKING_DAYS}).`);
  }
  if (params.extension > 0) {
    trace.add('extension', `Unusual-circumstances extension of ${params.extension} working day(s) by written notice (${STATUTE}(B)(i): no more than ten working days).`);
  }
  const spans = tolledSpans(calendar, day0, total, params.tolls, reading, trace);
  trace.add('count', `Counting ${total} working days after day 0: Saturdays, Sundays and legal public holidays (5 U.S.C. 6103) are not counted (${STATUTE}(A)).`);
  const due = countWorkingDays(calendar, day0, total, reading, trace, spans);
  trace.add('lastday', `Working day ${total} is ${labelDay(due)}.`, due);
  return { day: due };
}

/** N calendar days after the start; the last day does not roll (alternative: it does). */
function calendarDayClock(calendar: Calendar, start: EpochDay, days: number, reading: Reading, trace: Trace): Outcome {
  const end = start + days;
  trace.add('count', `Counting ${days} calendar days after ${labelDay(start)}: every day counts.`);
  trace.add('lastday', `Day ${days} is ${labelDay(end)}.`, end);
  const why = nonWorkingReason(dayFacts(calendar, end), reading);
  if (!why) return { day: end };
  if (!reading.agencyPeriodRolls) {
    trace.add('note', `${labelDay(end)} is not a working day (${why}), but an agency's calendar-day period does not roll forward (Docketwatch policy; see the alternative).`, end);
    return { day: end };
  }
  return { day: nextWorkingDay(calendar, end, reading) };
}

const RECEIVED = 'the request was received by the agency component that processes it';

function responseRule(id: string, citation: string, withExtension: boolean) {
  return defineRule<WorkingDayParams>({
    id,
    citation,
    triggerLabel: 'Receipt of the request by the agency component that processes it',
    readings: ['receiptNextWorkingDay', 'capInCalendarDays', 'closuresNotWorkingDays', 'shutdownNotWorkingDays', 'answerDayCounts'],
    parse: (r, trigger) => ({
      workingDays: readWorkingDays(r),
      extension: withExtension ? readExtension(r, MAX_EXTENSION) : 0,
      firstReceived: readFirstReceived(r, trigger),
      tolls: readTolls(r),
    }),
    compute: (ctx, reading, trace) => workingDayClock(ctx, reading, trace, RECEIVED),
  });
}

export const FOIA_RULES = [
  responseRule('foia.response', `${STATUTE}(A)(i); commencement and tolling: ${STATUTE}(A)(ii)`, false),
  responseRule('foia.response+unusual', `${STATUTE}(A)(i), (A)(ii); unusual circumstances: ${STATUTE}(B)(i)`, true),

  defineRule<{ days: number }>({
    id: 'foia.expedite_decision',
    citation: `${STATUTE}(E)(ii)(I) ("within 10 days after the date of the request")`,
    triggerLabel: 'Receipt of the request for expedited processing',
    readings: ['receiptNextWorkingDay', 'agencyPeriodRolls', 'closuresNotWorkingDays', 'shutdownNotWorkingDays'],
    parse: (r) => ({ days: r.int('calendar_days', { min: 1, max: LIMITS.days }) ?? 10 }),
    compute: ({ calendar, trigger, params }, reading, trace) => {
      let start = trigger.day;
      if (reading.receiptNextWorkingDay) start = nextWorkingDay(calendar, start, reading);
      if (!isWorkingDay(calendar, trigger.day, reading)) {
        trace.add('day0', `Day 0: ${labelDay(start)}, the day the request was received, taken as it happened even though it is not a working day (Docketwatch policy; see the alternative).`, start);
      } else {
        trace.add('day0', `Day 0: ${labelDay(start)}, the day the request was received.`, start);
      }
      return calendarDayClock(calendar, start, params.days, reading, trace);
    },
  }),

  defineRule<{ days: number }>({
    id: 'foia.appeal_window',
    citation: `${STATUTE}(A)(i)(III)(aa) (a period "not less than 90 days after the date of such adverse determination")`,
    triggerLabel: 'Date of the adverse determination',
    readings: ['agencyPeriodRolls', 'closuresNotWorkingDays', 'shutdownNotWorkingDays'],
    parse: (r) => ({ days: r.int('calendar_days', { min: 90, max: LIMITS.days }) ?? 90 }),
    compute: ({ calendar, trigger, params }, reading, trace) => {
      if (params.days !== 90) trace.add('note', `The agency allows ${params.days} days, longer than the statutory minimum of 90.`);
      return calendarDayClock(calendar, trigger.day, params.days, reading, trace);
    },
  }),

  defineRule<WorkingDayParams>({
    id: 'foia.appeal_decision',
    citation: `${STATUTE}(A)(ii) ("within twenty days (excepting Saturdays, Sundays, and legal public holidays) after the receipt of such appeal")`,
    triggerLabel: 'Receipt of the administrative appeal',
    readings: ['receiptNextWorkingDay', 'closuresNotWorkingDays', 'shutdownNotWorkingDays'],
    // Tolling and the start cap are provisions for the initial request's 20 days, not appeals.
    parse: (r) => ({ workingDays: readWorkingDays(r), extension: readExtension(r, 0), tolls: [] }),
    compute: (ctx, reading, trace) => workingDayClock(ctx, reading, trace, 'the appeal was received'),
  }),
];
