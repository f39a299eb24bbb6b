/**
 * FOIA clocks, 5 U.S.C. 552(a)(6). Agency-side: working days exclude Saturdays, Sundays and
 * legal public holidays; calendar-day periods do not roll (DESIGN.md, "Deadline policy").
 */
import { dayFacts, factsOf, labelDay, type Calendar, type DayFacts, type EpochDay } from '../calendar';
import { LIMITS, type ParamReader } from './params';
import { DEFAULT_READING, type Reading, type ReadingFlag } from './readings';
import { SILENT, type Trace } from './receipt';
import { defineRule, type Outcome, type RuleContext } from './rule';
import type { Moment } from './time';
import { readTolls, tolledSpans, type Toll } from './foia-tolling';
import { countWorkingDays, isWorkingDay, nextWorkingDay, nonWorkingReason } from './working-days';
import { appealRegulationFor, type AppealRegulation } from './agency-regulations';

const STATUTE = '5 U.S.C. 552(a)(6)';
/** 552(a)(6)(A)(i) and (ii): "20 days (excepting Saturdays, Sundays, and legal public holidays)". */
const STATUTORY_WORKING_DAYS = 20;
/** 552(a)(6)(B)(i): "No such notice shall specify ... an extension for more than ten working days". */
const MAX_EXTENSION = 10;
/** 552(a)(6)(A)(ii): "not later than ten days after ... first received by any [designated] component". */
const START_CAP_DAYS = 10;

const APPEAL_WINDOW_CITATION = `${STATUTE}(A)(i)(III)(aa) (a period "not less than 90 days after the date of such adverse determination")`;

interface AppealWindowParams {
  days: number;
  unit: 'calendar' | 'working';
  regulation?: AppealRegulation;
  /** The agency as given, for the receipt. */
  agency?: string;
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

// ---- day 0, the start cap, tolling ----

function startCap(calendar: Calendar, firstReceived: EpochDay, reading: Reading): EpochDay {
  // The next-working-day reading of receipt applies to the designated component's receipt too (552(a)(6)(A)(ii) "first received").
  const first = reading.receiptNextWorkingDay ? nextWorkingDay(calendar, firstReceived, reading) : firstReceived;
  return reading.capInCalendarDays ? first + START_CAP_DAYS : countWorkingDays(calendar, first, START_CAP_DAYS, reading, SILENT);
}

/** Day 0: receipt by the processing component, capped, and (alternative) moved off a non-working day. */
function dayZero(ctx: RuleContext<{ firstReceived?: EpochDay }>, reading: Reading, trace: Trace, what: string): EpochDay {
  const { calendar, trigger, params } = ctx;
  let day0 = trigger.day;
  let capped = false;
  if (params.firstReceived !== undefined) {
    const cap = startCap(calendar, params.firstReceived, reading);
    capped = cap < day0;
    if (capped) day0 = cap;
    if (trace.on) {
      const capText = `First received by a component designated to receive requests on ${labelDay(params.firstReceived)}; the period commences no later than ten working days after that, on ${labelDay(cap)} (${STATUTE}(A)(ii))`;
      trace.add(
        'startcap',
        capped
          ? `${capText}, which is earlier than receipt by the processing component: the clock starts on ${labelDay(cap)}.`
          : `${capText}; receipt by the processing component came first, so the cap does not apply.`,
        cap,
      );
    }
  }
  if (reading.receiptNextWorkingDay) day0 = nextWorkingDay(calendar, day0, reading);
  if (!trace.on) return day0;
  const which = capped ? 'the day the period commences under the start cap' : `the day ${what}`;
  const why = nonWorkingReason(dayFacts(calendar, day0), reading);
  if (why) {
    trace.add('day0', `Day 0: ${labelDay(day0)}, ${which}, taken as day 0 as it happened even though it is not a working day (${why}) (Docketwatch policy; see the alternative). It is not counted.`, day0);
  } else {
    trace.add('day0', `Day 0: ${labelDay(day0)}, ${which}. It is not counted; day 1 is the next working day.`, day0);
  }
  return day0;
}

// ---- the clocks ----

/** N working days after day 0, with any extension and tolling. */
function workingDayClock(ctx: RuleContext<WorkingDayParams>, reading: Reading, trace: Trace, what: string): Outcome {
  const { calendar, params } = ctx;
  const day0 = dayZero(ctx, reading, trace, what);
  const total = params.workingDays + params.extension;
  if (trace.on && params.workingDays !== STATUTORY_WORKING_DAYS) {
    trace.add('note', `Period of ${params.workingDays} working days as given (the statute's is ${STATUTORY_WORKING_DAYS}).`);
  }
  if (trace.on && params.extension > 0) {
    trace.add('extension', `Unusual-circumstances extension of ${params.extension} working day(s) by written notice (${STATUTE}(B)(i): no more than ten working days).`);
  }
  const spans = tolledSpans(calendar, day0, total, params.tolls, reading, trace);
  if (trace.on) trace.add('count', `Counting ${total} working days after day 0: Saturdays, Sundays and legal public holidays (5 U.S.C. 6103) are not counted (${STATUTE}(A)).`);
  const due = countWorkingDays(calendar, day0, total, reading, trace, spans);
  if (trace.on) trace.add('lastday', `Working day ${total} is ${labelDay(due)}.`, due);
  return { day: due };
}

/** N calendar days after the start; the last day does not roll (alternative: it does). */
function calendarDayClock(calendar: Calendar, start: EpochDay, days: number, reading: Reading, trace: Trace): Outcome {
  const end = start + days;
  if (trace.on) {
    trace.add('count', `Counting ${days} calendar days after ${labelDay(start)}: every day counts.`);
    trace.add('lastday', `Day ${days} is ${labelDay(end)}.`, end);
  }
  if (isWorkingDay(calendar, end, reading)) return { day: end };
  if (!reading.agencyPeriodRolls) {
    if (trace.on) trace.add('note', `${labelDay(end)} is not a working day (${nonWorkingReason(dayFacts(calendar, end), reading)}), but an agency's calendar-day period does not roll forward (Docketwatch policy; see the alternative).`, end);
    return { day: end };
  }
  return { day: nextWorkingDay(calendar, end, reading) };
}

/**
 * Which alternatives could move a working-day clock. Every day the default computation looks
 * at lies between the first receipt and the due date, so a closure or lapse day outside that
 * span cannot matter; without a start cap or tolls, those readings cannot either.
 */
function workingDayReadings({ calendar, trigger, params }: RuleContext<WorkingDayParams>, base: Outcome): ReadingFlag[] {
  const flags: ReadingFlag[] = [];
  const from = params.firstReceived ?? trigger.day;
  if (params.firstReceived !== undefined || !isWorkingDay(calendar, trigger.day, DEFAULT_READING)) flags.push('receiptNextWorkingDay');
  if (params.firstReceived !== undefined) flags.push('capInCalendarDays');
  const to = 'day' in base ? base.day : from;
  if (anyDayBetween(calendar, from, to, (f) => f.closure !== undefined)) flags.push('closuresNotWorkingDays');
  if (anyDayBetween(calendar, from, to, (f) => f.shutdown !== undefined)) flags.push('shutdownNotWorkingDays');
  if (params.tolls.length) flags.push('answerDayCounts');
  return flags;
}

function anyDayBetween(calendar: Calendar, from: EpochDay, to: EpochDay, test: (facts: DayFacts) => boolean): boolean {
  const factsFor = factsOf(calendar);
  for (let d = from; d <= to; d++) if (test(factsFor(d))) return true;
  return false;
}

const RECEIVED = 'the request was received by the agency component that processes it';

function responseRule(id: string, citation: string, withExtension: boolean) {
  return defineRule<WorkingDayParams>({
    id,
    citation,
    triggerLabel: 'Receipt of the request by the agency component that processes it',
    readings: workingDayReadings,
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
    period: { days: 10 },
    // Closure and shutdown days matter to a calendar-day period only once it rolls, so they are
    // not alternatives of their own here.
    readings: () => ['receiptNextWorkingDay', 'agencyPeriodRolls'],
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

  defineRule<AppealWindowParams>({
    id: 'foia.appeal_window',
    citation: APPEAL_WINDOW_CITATION,
    triggerLabel: 'Date of the adverse determination',
    period: { days: 90 },
    readings: (ctx, base) => (ctx.params.unit === 'working' ? workingDayReadings({ ...ctx, params: { workingDays: ctx.params.days, extension: 0, tolls: [] } }, base) : ['agencyPeriodRolls']),
    citationFor: (p) => (p.regulation ? `${p.regulation.citation}; ${APPEAL_WINDOW_CITATION}` : APPEAL_WINDOW_CITATION),
    parse: (r) => {
      const agency = r.text('agency');
      const regulation = appealRegulationFor(agency);
      const unit = regulation?.unit ?? 'calendar';
      const floor = regulation?.days ?? 90;
      if (unit === 'working') {
        if (r.has('calendar_days')) throw r.error('calendar_days', `${regulation!.citation.split(' (')[0]} counts working days: give working_days, not calendar_days`);
        const days = r.int('working_days', { min: floor, max: LIMITS.working_days }) ?? floor;
        return { days, unit, regulation: regulation!, ...(agency ? { agency } : {}) };
      }
      if (r.has('working_days')) throw r.error('working_days', `the appeal window ${regulation ? `under ${regulation.citation.split(' (')[0]}` : 'under the statute'} is counted in calendar days${regulation ? '' : ' (give agency: DHS or ICE for a regulation that counts working days)'}; give calendar_days`);
      const days = r.int('calendar_days', { min: 90, max: LIMITS.days }) ?? floor;
      return { days, unit, ...(regulation ? { regulation } : {}), ...(agency ? { agency } : {}) };
    },
    compute: (ctx, reading, trace) => {
      const { calendar, trigger, params } = ctx;
      const reg = params.regulation;
      if (trace.on) {
        if (reg) {
          trace.add('note', `${reg.agency}: its regulation governs the appeal window, ${reg.citation}.${reg.note ? ` ${reg.note}` : ''}`);
          if (!reg.verified) trace.add('note', `The current text of ${reg.citation.split(' (')[0]} could not be verified here: the window is computed as ${reg.days} ${reg.unit} days. The alternative is the statute's minimum of 90 days (${STATUTE}(A)(i)(III)(aa)), which a regulation cannot shorten; here it gives the same date, so it is not reported apart.`);
        } else if (params.agency) {
          trace.add('note', `No appeal regulation is on file for "${params.agency}": the statute's minimum of 90 days applies.`);
        }
      }
      if (params.unit === 'working') {
        if (trace.on) {
          trace.add('day0', `Day 0: ${labelDay(trigger.day)}, the date of the response. It is not counted.`, trigger.day);
          if (params.days !== reg!.days) trace.add('note', `The agency allows ${params.days} working days, longer than its regulation's ${reg!.days}.`);
          trace.add('count', `Counting ${params.days} working days after the response: Saturdays, Sundays and legal public holidays are not counted.`);
        }
        const due = countWorkingDays(calendar, trigger.day, params.days, reading, trace);
        if (trace.on) trace.add('lastday', `Working day ${params.days} is ${labelDay(due)}.`, due);
        return { day: due };
      }
      if (params.days !== (reg?.days ?? 90)) trace.add('note', `The agency allows ${params.days} days, longer than the ${reg ? 'regulation\'s' : 'statutory minimum of'} ${reg?.days ?? 90}.`);
      return calendarDayClock(calendar, trigger.day, params.days, reading, trace);
    },
  }),

  defineRule<WorkingDayParams>({
    id: 'foia.appeal_decision',
    citation: `${STATUTE}(A)(ii) ("within twenty days (excepting Saturdays, Sundays, and legal public holidays) after the receipt of such appeal")`,
    triggerLabel: 'Receipt of the administrative appeal',
    readings: workingDayReadings,
    // Tolling and the start cap are provisions for the initial request's 20 days, not appeals.
    parse: (r) => ({ workingDays: readWorkingDays(r), extension: readExtension(r, 0), tolls: [] }),
    compute: (ctx, reading, trace) => workingDayClock(ctx, reading, trace, 'the appeal was received'),
  }),
];
