/**
 * Appeals: the notice of appeal and what follows it in the D.C. Circuit (Fed. R. App. P. 4, 10,
 * 40, computed under FRAP 26(a)), and the petition for certiorari (Sup. Ct. R. 13, computed
 * under Sup. Ct. R. 30.1).
 */
import { labelDay, type EpochDay } from '../calendar';
import { countCourtDays, SERVICE_METHODS } from './court-days';
import { courtReadings, laterOf, periodRule } from './court-period';
import { defineRule, type AnyRule } from './rule';

const FROM_ENTRY = 'the period runs from entry of the judgment or order, not from service';

interface CrossAppealParams {
  periodEnd?: EpochDay;
  firstNoticeServed?: EpochDay;
}

interface TranscriptParams {
  lastMotionDisposed?: EpochDay;
}

export const APPEAL_RULES: AnyRule[] = [
  periodRule({
    id: 'frap4.appeal_us',
    citation: 'Fed. R. App. P. 4(a)(1)(B) ("within 60 days after entry of the judgment or order appealed from if one of the parties is ... the United States [or] a United States agency"); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: 'Entry of the judgment or order appealed from',
    days: 60,
    court: 'CADC',
    no6d: FROM_ENTRY,
  }),

  periodRule({
    id: 'frap4a1a.appeal',
    citation: 'Fed. R. App. P. 4(a)(1)(A) (the notice of appeal "must be filed with the district clerk within 30 days after entry of the judgment or order appealed from"); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: 'Entry of the judgment or order appealed from',
    days: 30,
    court: 'CADC',
    no6d: FROM_ENTRY,
    notes: ['30 days apply only when no party is the United States, a United States agency or officer; otherwise every party has 60 days (frap4.appeal_us).'],
  }),

  defineRule<CrossAppealParams>({
    id: 'frap4a3.cross_appeal',
    citation: 'Fed. R. App. P. 4(a)(3) ("any other party may file a notice of appeal within 14 days after the date when the first notice was filed, or within the time otherwise prescribed by this Rule 4(a), whichever period ends later"); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: 'Filing of the first notice of appeal',
    court: 'CADC',
    period: { days: 14 },
    readings: ({ params, computation }) => (params.firstNoticeServed === undefined ? courtReadings(computation) : [...courtReadings(computation), 'crossAppealFromService']),
    parse: (r) => {
      const periodEnd = r.day('appeal_period_end');
      const firstNoticeServed = r.day('first_notice_served');
      r.oneOf('service', SERVICE_METHODS);
      return { ...(periodEnd !== undefined ? { periodEnd } : {}), ...(firstNoticeServed !== undefined ? { firstNoticeServed } : {}) };
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      const from = reading.crossAppealFromService && params.firstNoticeServed !== undefined ? params.firstNoticeServed : trigger.day;
      const fourteen = countCourtDays(calendar, from, 14, true, reading, trace, computation);
      if (params.periodEnd === undefined) {
        if (trace.on) trace.add('note', 'If the Rule 4(a)(1) period (30 days, or 60 with a United States party) ends later, it governs: give appeal_period_end.');
        return { day: fourteen };
      }
      return { day: laterOf(fourteen, params.periodEnd, trace, 'the end of the time otherwise prescribed by Rule 4(a) (appeal_period_end)') };
    },
  }),

  periodRule({
    id: 'frap4a5.extension_motion',
    citation: 'Fed. R. App. P. 4(a)(5)(A)(i) (the district court may extend the time if "a party so moves no later than 30 days after the time prescribed by this Rule 4(a) expires"); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: 'The last day of the Rule 4(a) period',
    days: 30,
    court: 'CADC',
    no6d: 'the period runs from the end of the Rule 4(a) period, not from service',
    notes: ['The motion needs excusable neglect or good cause (Rule 4(a)(5)(A)(ii)); an extension may not exceed 30 days after the prescribed time or 14 days after the order granting it, whichever is later (Rule 4(a)(5)(C)).'],
  }),

  defineRule<TranscriptParams>({
    id: 'frap10b.transcript',
    citation: 'Fed. R. App. P. 10(b)(1) ("Within 14 days after filing the notice of appeal or entry of an order disposing of the last timely remaining motion of a type specified in Rule 4(a)(4)(A)(i)-(vii), whichever is later", the appellant orders the transcript or certifies that none will be ordered); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: 'Filing of the notice of appeal',
    court: 'CADC',
    period: { days: 14 },
    readings: ({ computation }) => courtReadings(computation),
    parse: (r) => {
      const lastMotionDisposed = r.day('last_motion_disposed');
      return lastMotionDisposed !== undefined ? { lastMotionDisposed } : {};
    },
    compute: ({ calendar, trigger, params, computation }, reading, trace) => {
      const from = params.lastMotionDisposed !== undefined && params.lastMotionDisposed > trigger.day ? params.lastMotionDisposed : trigger.day;
      if (trace.on && from !== trigger.day) trace.add('note', `The order disposing of the last Rule 4(a)(4)(A) motion was entered ${labelDay(from)}, after the notice of appeal: the 14 days count from it ("whichever is later").`, from);
      return { day: countCourtDays(calendar, from, 14, true, reading, trace, computation) };
    },
  }),

  periodRule({
    id: 'frap40.rehearing_us',
    citation: 'Fed. R. App. P. 40(d)(1) as amended December 1, 2024 (in a civil case, "unless an order shortens or extends the time", a petition for panel rehearing or rehearing en banc may be filed "by any party within 45 days after entry of judgment" if one of the parties is the United States, a United States agency or officer); computed under Fed. R. App. P. 26(a)(1)',
    triggerLabel: "Entry of the court of appeals' judgment",
    days: 45,
    court: 'CADC',
    courtMaySet: 'Fed. R. App. P. 40(d)(1): "unless an order shortens or extends the time"',
    no6d: FROM_ENTRY,
  }),

  periodRule({
    id: 'supct13.cert',
    citation: 'Sup. Ct. R. 13.1 (a petition for a writ of certiorari "is timely when it is filed with the Clerk of this Court within 90 days after entry of the judgment"), 13.3 (the time runs from the date of entry of the judgment or, if rehearing was timely sought below, from the denial of rehearing); computed under Sup. Ct. R. 30.1',
    triggerLabel: 'Entry of the judgment, or denial of a timely petition for rehearing',
    days: 90,
    court: 'SCOTUS',
    no6d: 'the period runs from entry of the judgment or the denial of rehearing, not from service',
    notes: ['The time runs from entry of the judgment, not from the issuance of the mandate (Sup. Ct. R. 13.3). A Justice may extend it by up to 60 days on an application filed at least 10 days before it ends (Sup. Ct. R. 13.5, 30.2).'],
  }),
];
