/**
 * Property tests (fast-check). Triggers range over 2024-2030, which covers the 2024-2025
 * executive-order closures, the 2025 lapse in appropriations and Inauguration Days 2025/2029.
 */
import fc from 'fast-check';
import { isAHoliday } from '@18f/us-federal-holidays';
import { describe, expect, it } from 'vitest';
import { dayFacts, defaultCalendar, isoOf, parseIsoDay, withDays, type Calendar } from '../../../core/calendar';
import { computeDeadline, type DeadlineRequest } from '../../../core/deadlines';

const FROM = parseIsoDay('2024-01-01')!;
const TO = parseIsoDay('2030-12-31')!;
const day = fc.integer({ min: FROM, max: TO });
const RUNS = { numRuns: 300 };

/** Forward court rules with the params they need, for a count `n`. */
const forwardCourtRequests = (trigger: string, n: number): DeadlineRequest[] => [
  { rule: 'frcp6.days', trigger, params: { days: n } },
  { rule: 'frcp6.days+mail', trigger, params: { days: n } },
  { rule: 'court_order.fixed', trigger, params: { days: n } },
  { rule: 'lcvr7b.opposition', trigger },
  { rule: 'lcvr7d.reply', trigger },
  { rule: 'lcvr65.1.pi_opposition', trigger },
  { rule: 'lcvr7n.certified_list', trigger },
  { rule: 'frcp12a2.answer_us', trigger },
  { rule: 'frap4.appeal_us', trigger },
];

function courtClosed(cal: Calendar, iso: string): boolean {
  const f = dayFacts(cal, parseIsoDay(iso)!);
  return Boolean(f.weekend || f.holiday || f.closure || f.dcHoliday || f.courtClosure);
}

describe('court deadlines counted forward', () => {
  it('never land on a Saturday, Sunday or legal holiday (incl. closures, D.C. holidays, court closures)', () => {
    const closures = fc.array(day, { maxLength: 20 });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), closures, (t, n, extra) => {
        const cal = withDays(defaultCalendar, { courtClosures: extra.map(isoOf) });
        for (const req of forwardCourtRequests(isoOf(t), n)) {
          const r = computeDeadline(req, cal);
          expect(courtClosed(cal, r.due), `${req.rule} ${req.trigger} -> ${r.due}`).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('match a naive Rule 6(a)(1) count: the first open day at or after trigger + n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (t, n) => {
        let expected = t + n;
        while (courtClosed(defaultCalendar, isoOf(expected))) expected++;
        expect(computeDeadline({ rule: 'frcp6.days', trigger: isoOf(t), params: { days: n } }).due).toBe(isoOf(expected));
      }),
      RUNS,
    );
  });

  it('hour periods end no earlier than the elapsed hours, on a day that is not closed', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }), fc.integer({ min: 1, max: 200 }), (ms, hours) => {
        const trigger = new Date(ms).toISOString();
        const r = computeDeadline({ rule: 'frcp6.hours', trigger, params: { hours } });
        expect(Date.parse(r.dueInstant)).toBeGreaterThanOrEqual(ms + hours * 3_600_000);
        expect(courtClosed(defaultCalendar, r.due.slice(0, 10))).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('court deadlines counted backward', () => {
  it('end on or before trigger - n, on a day that is not a weekend or federal holiday', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (t, n) => {
        const r = computeDeadline({ rule: 'frcp6.days', trigger: isoOf(t), params: { days: n, direction: 'before' } });
        const d = parseIsoDay(r.due)!;
        expect(d).toBeLessThanOrEqual(t - n);
        const f = dayFacts(defaultCalendar, d);
        expect(Boolean(f.weekend || f.holiday || f.closure)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('FOIA working days', () => {
  /** Independent oracle: @18f's own isAHoliday and plain Date arithmetic. */
  function naiveWorkingDays(start: string, n: number): string {
    const d = new Date(`${start}T00:00:00Z`);
    let count = 0;
    while (count < n) {
      d.setUTCDate(d.getUTCDate() + 1);
      const wd = d.getUTCDay();
      const iso = d.toISOString().slice(0, 10);
      const inauguration = parseIsoDay(iso) !== undefined && dayFacts(defaultCalendar, parseIsoDay(iso)!).holiday?.name.includes('Inauguration');
      if (wd === 0 || wd === 6 || isAHoliday(d, { utc: true }) || inauguration) continue;
      count++;
    }
    return d.toISOString().slice(0, 10);
  }

  it('foia.response matches a naive count of 20 working days', () => {
    fc.assert(
      fc.property(day, (t) => {
        expect(computeDeadline({ rule: 'foia.response', trigger: isoOf(t) }).due).toBe(naiveWorkingDays(isoOf(t), 20));
      }),
      RUNS,
    );
  });
});

describe('monotonicity: later triggers never give earlier deadlines', () => {
  // Not a property of frcp6.hours: a period ending Sunday 23:00 runs to Monday 23:00, one ending
  // Monday 01:00 ends then (Rule 6(a)(2)(C) as written), so hour rules are excluded here.
  const dayRules = (trigger: string): DeadlineRequest[] => [
    { rule: 'foia.response', trigger },
    { rule: 'foia.response+unusual', trigger },
    { rule: 'foia.expedite_decision', trigger },
    { rule: 'foia.appeal_window', trigger },
    { rule: 'foia.appeal_decision', trigger },
    { rule: 'frcp6.days', trigger, params: { days: 10, direction: 'before' } },
    ...forwardCourtRequests(trigger, 14),
  ];

  it('holds for every day rule', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (t, gap) => {
        const early = dayRules(isoOf(t)).map((r) => computeDeadline(r).due);
        const late = dayRules(isoOf(t + gap)).map((r) => computeDeadline(r).due);
        early.forEach((due, i) => expect(late[i]! >= due, `${dayRules('x')[i]!.rule}: ${due} then ${late[i]}`).toBe(true));
      }),
      RUNS,
    );
  });
});

describe('tolling and extensions never shorten a clock', () => {
  const toll = fc.record({
    type: fc.constantFrom('information_request', 'fee_clarification'),
    sentOffset: fc.integer({ min: -5, max: 40 }),
    length: fc.integer({ min: 0, max: 30 }),
  });

  it('tolling', () => {
    fc.assert(
      fc.property(day, fc.array(toll, { maxLength: 4 }), (t, tolls) => {
        const tolling = tolls.map((x) => ({
          type: x.type,
          agency_request_sent: isoOf(t + x.sentOffset),
          requester_response_received: isoOf(t + x.sentOffset + x.length),
        }));
        const plain = computeDeadline({ rule: 'foia.response', trigger: isoOf(t) });
        const tolled = computeDeadline({ rule: 'foia.response', trigger: isoOf(t), params: { tolling } });
        expect(tolled.due >= plain.due).toBe(true);
      }),
      RUNS,
    );
  });

  it('extensions', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 9 }), (t, k) => {
        const base = computeDeadline({ rule: 'foia.response', trigger: isoOf(t) }).due;
        const ext = (n: number) => computeDeadline({ rule: 'foia.response+unusual', trigger: isoOf(t), params: { extension_working_days: n } }).due;
        expect(ext(k) >= base).toBe(true);
        expect(ext(k + 1) >= ext(k)).toBe(true);
      }),
      RUNS,
    );
  });

  it('6(d) mail days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (t, n) => {
        const plain = computeDeadline({ rule: 'frcp6.days', trigger: isoOf(t), params: { days: n } }).due;
        const mail = computeDeadline({ rule: 'frcp6.days+mail', trigger: isoOf(t), params: { days: n } }).due;
        expect(mail > plain).toBe(true);
      }),
      RUNS,
    );
  });
});
