/**
 * Fed. R. Civ. P. 6(a)(2), periods stated in hours: begin counting immediately, count every
 * hour, and if the period would end on a Saturday, Sunday or legal holiday it "continues to
 * run until the same time on the next day that is not". Hours are elapsed time, so a period
 * spanning a clock change is one wall-clock hour longer or shorter (alternative: wall clock).
 */
import { factsOf, isoOf, labelDay, type Calendar } from '../calendar';
import { closedReason, FRCP_6A, isClosed } from './court-days';
import type { Reading } from './readings';
import type { Trace } from './receipt';
import { addCourtDays, courtDayOf, courtTime, courtTimeFromLocal, HOUR_MS, labelCourtTime, localMsOf, type CourtTime } from './time';

export function countCourtHours(calendar: Calendar, from: CourtTime, hours: number, reading: Reading, trace: Trace): CourtTime {
  const elapsed = courtTime(from.epochMs + hours * HOUR_MS);
  const wallClock = courtTimeFromLocal(localMsOf(from) + hours * HOUR_MS);
  let end = reading.wallClockHours ? wallClock : elapsed;
  if (trace.on) {
    trace.add('count', `Counting ${hours} hours from ${labelCourtTime(from)}, beginning immediately (${FRCP_6A.cite('(2)(A)')}); every hour counts, including hours on Saturdays, Sundays and legal holidays (${FRCP_6A.cite('(2)(B)')}).`);
    if (from.offsetMs !== elapsed.offsetMs) {
      trace.add('dst', `The clock changes during the period: ${hours} elapsed hours end at ${labelCourtTime(elapsed)}; on the wall clock they would end at ${labelCourtTime(wallClock)} (Docketwatch counts elapsed hours; see the alternative).`);
    }
    trace.add('lastday', `The period would end at ${labelCourtTime(end)}.`, courtDayOf(end));
  }
  const factsFor = factsOf(calendar);
  if (reading.hoursNoRoll) return end;
  if (!isClosed(factsFor(courtDayOf(end)), reading, true)) return end;
  // "The same time" is the wall-clock time the period would have ended at, on each later day:
  // counted from that time, not from the day before, so a Sunday whose 2:30 a.m. does not exist
  // (the spring clock change) does not move Monday's end to 3:30.
  const last = end;
  for (let days = 1; isClosed(factsFor(courtDayOf(end)), reading, true); days++) {
    const day = courtDayOf(end);
    if (trace.on) trace.add('skip', `${labelDay(day)}: the period cannot end on this day: ${closedReason(factsFor(day), reading, true, FRCP_6A)}`, day);
    end = addCourtDays(last, days);
  }
  if (trace.on) {
    trace.add('rollforward', `The period continues to run until the same time on the next day that is not a Saturday, Sunday or legal holiday: ${labelCourtTime(end)} (${FRCP_6A.cite('(2)(C)')}).`, isoOf(courtDayOf(end)));
  }
  return end;
}
