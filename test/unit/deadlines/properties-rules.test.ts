/**
 * Property tests (fast-check) for the rules beyond the first fifteen, against an oracle written
 * here from the rules' texts and the holiday statutes, independent of the engine's calendar and
 * of @18f/us-federal-holidays: 5 U.S.C. 6103(a) holidays with Saturday -> Friday and Sunday ->
 * Monday, Inauguration Day 2025, D.C. Emancipation Day, and the presidential closures of
 * 2024-2025. Triggers range over 2024-2029 (limitations end by 2035).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadline, computeTriggerSet, TRIGGER_SETS } from '../../../core/deadlines';

const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1) / DAY;
const TO = Date.UTC(2029, 11, 31) / DAY;
const day = fc.integer({ min: FROM, max: TO });
const RUNS = { numRuns: 200 };

const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const epoch = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / DAY;
const ymd = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const weekday = (d: number) => new Date(d * DAY).getUTCDay();

/** The n-th given weekday of a month (n = -1: the last). */
function nth(y: number, m: number, wd: number, n: number): number {
  if (n < 0) {
    let d = ymd(y, m + 1, 1) - 1;
    while (weekday(d) !== wd) d--;
    return d;
  }
  let d = ymd(y, m, 1);
  while (weekday(d) !== wd) d++;
  return d + 7 * (n - 1);
}

/** Saturday -> Friday, Sunday -> Monday. */
const observed = (d: number) => (weekday(d) === 6 ? d - 1 : weekday(d) === 0 ? d + 1 : d);

const FEDERAL = new Set<number>();
const DC = new Set<number>();
for (let y = 2023; y <= 2036; y++) {
  for (const [m, d] of [[1, 1], [6, 19], [7, 4], [11, 11], [12, 25]] as const) FEDERAL.add(observed(ymd(y, m, d)));
  FEDERAL.add(nth(y, 1, 1, 3)); // Birthday of Martin Luther King, Jr.
  FEDERAL.add(nth(y, 2, 1, 3)); // Washington's Birthday
  FEDERAL.add(nth(y, 5, 1, -1)); // Memorial Day
  FEDERAL.add(nth(y, 9, 1, 1)); // Labor Day
  FEDERAL.add(nth(y, 10, 1, 2)); // Columbus Day
  FEDERAL.add(nth(y, 11, 4, 4)); // Thanksgiving Day
  DC.add(observed(ymd(y, 4, 16))); // D.C. Emancipation Day
}
FEDERAL.add(ymd(2025, 1, 20)); // Inauguration Day (6103(c)); 2029-01-20 is a Saturday: none
FEDERAL.add(ymd(2033, 1, 20)); // a Thursday
const CLOSURES = new Set(['2024-12-24', '2025-01-09', '2025-12-24', '2025-12-26'].map(epoch));

const weekend = (d: number) => weekday(d) === 0 || weekday(d) === 6;
/** FRCP 6(a) / FRAP 26(a): a day a period counted forward cannot end on. */
const closedForward = (d: number) => weekend(d) || FEDERAL.has(d) || CLOSURES.has(d) || DC.has(d);
/** Counted backward, (a)(6)(C)'s state holidays do not apply. */
const closedBackward = (d: number) => weekend(d) || FEDERAL.has(d) || CLOSURES.has(d);
/** Sup. Ct. R. 30.1: Saturdays, Sundays and the holidays listed in 5 U.S.C. 6103. */
const closedSupremeCourt = (d: number) => weekend(d) || FEDERAL.has(d);
/** A FOIA / Privacy Act working day: not a weekend or legal public holiday. */
const working = (d: number) => !weekend(d) && !FEDERAL.has(d);

const forwardEnd = (t: number, n: number, closed = closedForward) => {
  let d = t + n;
  while (closed(d)) d++;
  return d;
};

/** Rules with a fixed forward period in days, and their court's computation (all count D.C. holidays). */
const FIXED_FORWARD: ReadonlyArray<[string, number]> = [
  ['frcp12a1.answer', 21], ['frcp12a4.answer_after_motion', 14], ['frcp15a1.amend_once', 21], ['frcp15a3.respond_amended', 14],
  ['frcp26f.report', 14], ['frcp26a1.initial_disclosures', 14], ['frcp33.answers', 30], ['frcp34.responses', 30],
  ['frcp36.admissions', 30], ['frcp54d2.fees', 14], ['frcp59.new_trial', 28], ['frcp59e.alter_amend', 28],
  ['frcp50b.renewed_jmol', 28], ['frcp52b.amended_findings', 28], ['frcp72.objections', 14], ['lcvr65.1d.pi_hearing', 21],
  ['frap4a1a.appeal', 30], ['frap4a3.cross_appeal', 14], ['frap4a5.extension_motion', 30], ['frap10b.transcript', 14],
  ['frap40.rehearing_us', 45],
];
/** Rules that count from a party's being served under Rule 5(b): 6(d) adds 3 days by mail. */
const SERVED = ['frcp12a4.answer_after_motion', 'frcp15a1.amend_once', 'frcp15a3.respond_amended', 'frcp33.answers', 'frcp34.responses', 'frcp36.admissions', 'frcp72.objections'];
/** Rules whose text lets the court set another period. */
const COURT_SET = new Set(['frcp12a1.answer', 'frcp12a4.answer_after_motion', 'frcp15a3.respond_amended', 'frcp26a1.initial_disclosures', 'frcp33.answers', 'frcp34.responses', 'frcp36.admissions', 'frcp54d2.fees', 'lcvr65.1d.pi_hearing', 'frap40.rehearing_us']);

describe('forward periods of the new rules', () => {
  it('end on the first day that is not closed at or after trigger + n (FRCP 6(a)(1), FRAP 26(a)(1))', () => {
    fc.assert(
      fc.property(day, (t) => {
        for (const [rule, n] of FIXED_FORWARD) {
          expect(computeDeadline({ rule, trigger: iso(t) }).due, `${rule} from ${iso(t)}`).toBe(iso(forwardEnd(t, n)));
        }
      }),
      RUNS,
    );
  });

  it('by mail, 6(d) adds 3 days after the period would otherwise end, then the last-day rule again', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...SERVED), (t, rule) => {
        const n = FIXED_FORWARD.find(([r]) => r === rule)![1];
        expect(computeDeadline({ rule, trigger: iso(t), params: { service: 'mail' } }).due).toBe(iso(forwardEnd(forwardEnd(t, n), 3)));
      }),
      RUNS,
    );
  });

  it('a days equal to the rule\'s own period changes nothing; a court-set one counts that period; any other is refused', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...FIXED_FORWARD), fc.integer({ min: 1, max: 120 }), (t, [rule, n], m) => {
        expect(computeDeadline({ rule, trigger: iso(t), params: { days: n } }).due).toBe(iso(forwardEnd(t, n)));
        if (m === n) return;
        if (COURT_SET.has(rule)) {
          const r = computeDeadline({ rule, trigger: iso(t), params: { days: m } });
          expect(r.due).toBe(iso(forwardEnd(t, m)));
          expect(r.rule).toMatchObject({ id: rule, citation: expect.stringMatching(/as the Court directed/) });
        } else {
          expect(() => computeDeadline({ rule, trigger: iso(t), params: { days: m } })).toThrow(/params\.days/);
        }
      }),
      RUNS,
    );
  });
});

describe('backward periods (FRCP 26(f)(1), LCvR 16.3(a))', () => {
  it('end on the last day at or before trigger - 21 that is not a weekend, federal holiday or closure', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('frcp26f.conference', 'lcvr16.3.meet_confer'), (t, rule) => {
        let d = t - 21;
        while (closedBackward(d)) d--;
        expect(computeDeadline({ rule, trigger: iso(t) }).due).toBe(iso(d));
      }),
      RUNS,
    );
  });
});

describe('the petition for certiorari (Sup. Ct. R. 13.1, 30.1)', () => {
  it('ends on the first day at or after trigger + 90 that is not a weekend or 5 U.S.C. 6103 holiday', () => {
    fc.assert(
      fc.property(day, (t) => {
        const r = computeDeadline({ rule: 'supct13.cert', trigger: iso(t) });
        expect(r.due).toBe(iso(forwardEnd(t, 90, closedSupremeCourt)));
        // The FRCP/FRAP count is the alternative exactly when it differs.
        const other = iso(forwardEnd(t, 90));
        expect(r.alternative?.due ?? r.due).toBe(other);
      }),
      RUNS,
    );
  });
});

describe('Privacy Act and DHS working-day clocks', () => {
  const workingEnd = (t: number, n: number) => {
    let d = t;
    for (let k = 0; k < n; ) if (working(++d)) k++;
    return d;
  };
  it('end on the n-th working day after the trigger (5 U.S.C. 552a(d)(2)(A), (d)(3); 6 C.F.R. 5.8(a)(1))', () => {
    fc.assert(
      fc.property(day, (t) => {
        expect(computeDeadline({ rule: 'privacy_act.amendment_ack', trigger: iso(t) }).due).toBe(iso(workingEnd(t, 10)));
        expect(computeDeadline({ rule: 'privacy_act.amendment_appeal_decision', trigger: iso(t) }).due).toBe(iso(workingEnd(t, 30)));
        expect(computeDeadline({ rule: 'foia.appeal_window', trigger: iso(t), params: { agency: 'ICE' } }).due).toBe(iso(workingEnd(t, 90)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('limitations in years', () => {
  it('end on the anniversary, extended off a closed day; the alternative is never later', () => {
    fc.assert(
      fc.property(day, fc.constantFrom<[string, number]>(['privacy_act.limitations', 2], ['foia.limitations', 6]), (t, [rule, years]) => {
        const start = new Date(t * DAY);
        const leap = start.getUTCMonth() === 1 && start.getUTCDate() === 29;
        const y = start.getUTCFullYear() + years;
        const isLeap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const anniversary = leap && !isLeap ? ymd(y, 2, 28) : ymd(y, start.getUTCMonth() + 1, start.getUTCDate());
        const r = computeDeadline({ rule, trigger: iso(t) });
        expect(r.due).toBe(iso(forwardEnd(anniversary, 0)));
        if (r.alternative) expect(epoch(r.alternative.due)).toBeLessThan(epoch(r.due));
      }),
      RUNS,
    );
  });
});

describe('the disclosure notice', () => {
  it('the alternative, when there is one, is exactly 24 elapsed hours and comes before the binding end', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 11, 31) }), (ms) => {
        const trigger = new Date(ms - (ms % 60_000)).toISOString();
        const r = computeDeadline({ rule: 'frcp6.hours', trigger, params: { hours: 24, purpose: 'disclosure_notice' } });
        const elapsed = Date.parse(trigger) + 24 * 3_600_000;
        if (r.alternative) {
          expect(Date.parse(r.alternative.due)).toBe(elapsed);
          expect(Date.parse(r.dueInstant)).toBeGreaterThan(elapsed);
        } else {
          expect(Date.parse(r.dueInstant)).toBe(elapsed);
        }
      }),
      RUNS,
    );
  });
});

describe('trigger sets', () => {
  it('each deadline of a set is its rule computed from the trigger, or from the due date of the link it follows', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...TRIGGER_SETS), fc.boolean(), (t, set, us) => {
        const params = set.flags?.us_party ? { us_party: us } : {};
        const out = computeTriggerSet({ triggerSet: set.id, trigger: iso(t), params });
        for (const d of out) {
          const link = set.links.find((l) => l.id === d.link)!;
          const from = link.after ? out.find((o) => o.link === link.after)!.result.due : iso(t);
          expect(d.trigger).toBe(from);
          expect(d.result.due).toBe(computeDeadline({ rule: d.rule, trigger: from }).due);
        }
      }),
      { numRuns: 100 },
    );
  });
});
