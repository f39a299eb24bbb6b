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

describe('alternative readings are never missed', () => {
  // Treating closure (or lapse) days as holidays is exactly the alternative reading, so a
  // calendar that does so gives the date the receipt must report whenever it differs.
  const closureDays = defaultCalendar.closures.map((c) => c.date);
  const lapseDays: string[] = [];
  for (const r of defaultCalendar.shutdowns) for (let d = parseIsoDay(r.from)!; d <= parseIsoDay(r.to)!; d++) lapseDays.push(isoOf(d));
  const cases = [
    { name: 'closures', reason: /closed by executive order are not counted/, cal: withDays(defaultCalendar, { holidays: closureDays }) },
    { name: 'lapse days', reason: /lapse in appropriations are not counted/, cal: withDays(defaultCalendar, { holidays: lapseDays }) },
  ];
  const near = fc.integer({ min: parseIsoDay('2024-11-01')!, max: parseIsoDay('2026-01-31')! });
  const toll = fc.record({ type: fc.constantFrom('information_request', 'fee_clarification'), sentOffset: fc.integer({ min: 0, max: 25 }), length: fc.integer({ min: 0, max: 20 }) });

  for (const c of cases) {
    it(`reports the ${c.name} reading whenever it moves a FOIA working-day clock`, () => {
      fc.assert(
        fc.property(near, fc.option(fc.integer({ min: 1, max: 12 })), fc.array(toll, { maxLength: 2 }), fc.constantFrom('foia.response', 'foia.response+unusual', 'foia.appeal_decision'), (t, capBack, tolls, rule) => {
          const params: Record<string, unknown> = {};
          if (rule !== 'foia.appeal_decision') {
            if (capBack !== null) params.first_received_by_designated_component = isoOf(t - capBack);
            params.tolling = tolls.map((x) => ({ type: x.type, agency_request_sent: isoOf(t + x.sentOffset), requester_response_received: isoOf(t + x.sentOffset + x.length) }));
          }
          const req = { rule, trigger: isoOf(t), params };
          const base = computeDeadline(req);
          const other = computeDeadline(req, c.cal).due;
          const reported = base.receipt.filter((e) => e.step === 'alternative' && c.reason.test(e.text));
          if (other === base.due) expect(reported).toHaveLength(0);
          else expect(reported.map((e) => e.date)).toEqual([other]);
        }),
        RUNS,
      );
    });
  }
});

describe('court time zone arithmetic agrees with Temporal', () => {
  it('wall-clock hours and the 6(a)(2)(C) continuation match Temporal across DST changes', async () => {
    const { Temporal } = await import('temporal-polyfill');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }), fc.integer({ min: 1, max: 200 }), (ms, hours) => {
        const trigger = new Date(ms).toISOString();
        const start = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('America/New_York');
        const elapsed = start.add({ hours });
        const r = computeDeadline({ rule: 'frcp6.hours', trigger, params: { hours } });
        let end = elapsed;
        while (courtClosed(defaultCalendar, end.toPlainDate().toString())) end = end.add({ days: 1 });
        expect(r.due).toBe(end.toString({ timeZoneName: 'never' }));
        const wall = start.toPlainDateTime().add({ hours }).toZonedDateTime('America/New_York');
        let alt = wall;
        while (courtClosed(defaultCalendar, alt.toPlainDate().toString())) alt = alt.add({ days: 1 });
        const expectedAlt = alt.toString({ timeZoneName: 'never' });
        const reported = r.receipt.filter((e) => e.step === 'alternative' && /wall clock/.test(e.text));
        if (expectedAlt === r.due) expect(reported).toHaveLength(0);
        else expect(reported[0]?.text).toContain(`the deadline is ${expectedAlt}.`);
      }),
      RUNS,
    );
  });
});
