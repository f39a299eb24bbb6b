/**
 * Property tests (fast-check). Triggers range over 2024-2030, which covers the 2024-2025
 * executive-order closures, the 2025 lapse in appropriations and Inauguration Days 2025/2029.
 *
 * The oracle is independent of the engine: a plain day-by-day counter over holiday tables
 * written out below from OPM's published federal holiday lists (observed dates) and the
 * executive orders and D.C. law they rest on, with weekdays from JavaScript's Date. It shares
 * no day facts, no holiday library and no date arithmetic with core/calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, withDays } from '../../../core/calendar';
import { computeDeadline, type DeadlineRequest } from '../../../core/deadlines';

// OPM's federal holiday tables, 2023-2032 (2023 for hour periods that start late on December 31 in Washington): the eleven 5 U.S.C. 6103(a) holidays on their
// observed dates (a Saturday holiday is observed Friday, a Sunday one Monday: 6103(b),
// E.O. 11582). New Year's Day 2028 and 2033 fall on a Saturday: observed December 31, 2027
// and December 31, 2032.
const FEDERAL_HOLIDAYS: Record<number, string[]> = {
  2023: ['2023-01-02', '2023-01-16', '2023-02-20', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-10-09', '2023-11-10', '2023-11-23', '2023-12-25'],
  2024: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25'],
  2025: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25'],
  2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
  2027: ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31'],
  2028: ['2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-10', '2028-11-23', '2028-12-25'],
  2029: ['2029-01-01', '2029-01-15', '2029-02-19', '2029-05-28', '2029-06-19', '2029-07-04', '2029-09-03', '2029-10-08', '2029-11-12', '2029-11-22', '2029-12-25'],
  2030: ['2030-01-01', '2030-01-21', '2030-02-18', '2030-05-27', '2030-06-19', '2030-07-04', '2030-09-02', '2030-10-14', '2030-11-11', '2030-11-28', '2030-12-25'],
  2031: ['2031-01-01', '2031-01-20', '2031-02-17', '2031-05-26', '2031-06-19', '2031-07-04', '2031-09-01', '2031-10-13', '2031-11-11', '2031-11-27', '2031-12-25'],
  2032: ['2032-01-01', '2032-01-19', '2032-02-16', '2032-05-31', '2032-06-18', '2032-07-05', '2032-09-06', '2032-10-11', '2032-11-11', '2032-11-25', '2032-12-24', '2032-12-31'],
};
const TABLE_FROM = '2023-01-01';
const TABLE_TO = '2032-12-31';
/** 6103(c): Inauguration Day, D.C. area. January 20, 2025 was also MLK Day; January 20, 2029 is a Saturday, which 6103(c) does not move. */
const INAUGURATION_DAYS = ['2025-01-20'];
/** Executive orders closing executive departments and agencies (OPM's closure announcements). */
const EO_CLOSURES = ['2024-12-24', '2025-01-09', '2025-12-24', '2025-12-26'];
/** The 2025 lapse in appropriations, October 1 through November 12. */
const LAPSE = { from: '2025-10-01', to: '2025-11-12' };
/** D.C. Emancipation Day, April 16 (Saturday: Friday; Sunday: Monday), D.C. Code 1-612.02. */
const EMANCIPATION_DAYS = ['2023-04-17', '2024-04-16', '2025-04-16', '2026-04-16', '2027-04-16', '2028-04-17', '2029-04-16', '2030-04-16', '2031-04-16', '2032-04-16'];

const LEGAL_HOLIDAYS = new Set([...Object.values(FEDERAL_HOLIDAYS).flat(), ...INAUGURATION_DAYS]);
const DAY_MS = 86_400_000;
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const plusDays = (iso: string, n: number) => new Date(msOf(iso) + n * DAY_MS).toISOString().slice(0, 10);
function covered(iso: string): string {
  if (iso < TABLE_FROM || iso > TABLE_TO) throw new RangeError(`the oracle's tables stop at ${TABLE_FROM}..${TABLE_TO}, not ${iso}`);
  return iso;
}
const weekend = (iso: string) => [0, 6].includes(new Date(msOf(covered(iso))).getUTCDay());
/** FOIA working day: not a Saturday, Sunday or legal public holiday; closures and lapse days count. */
const foiaWorkingDay = (iso: string) => !weekend(iso) && !LEGAL_HOLIDAYS.has(iso);
/** FRCP 6(a)(6): legal holidays include days the President declares; forward counts add D.C. holidays. */
function courtClosed(iso: string, opts: { forward: boolean; courtClosures?: readonly string[] } = { forward: true }): boolean {
  return (
    weekend(iso) ||
    LEGAL_HOLIDAYS.has(iso) ||
    EO_CLOSURES.includes(iso) ||
    (opts.forward && EMANCIPATION_DAYS.includes(iso)) ||
    (opts.courtClosures ?? []).includes(iso)
  );
}

/** Triggers: any day of 2024-2030, as the engine takes them (ISO dates). */
const day = fc.integer({ min: msOf('2024-01-01') / DAY_MS, max: msOf('2030-12-31') / DAY_MS }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
// Fewer samples under mutation testing (vitest.mutation.config.ts sets MUTATION_RUN): each
// mutant reruns these, and the exhaustive checks below cover every day regardless.
const RUNS = { numRuns: process.env.MUTATION_RUN ? 60 : 300 };

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

describe('court deadlines counted forward', () => {
  it('never land on a Saturday, Sunday or legal holiday (incl. closures, D.C. holidays, court closures)', () => {
    const closures = fc.array(day, { maxLength: 20 });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), closures, (t, n, extra) => {
        const cal = withDays(defaultCalendar, { courtClosures: extra });
        for (const req of forwardCourtRequests(t, n)) {
          const r = computeDeadline(req, cal);
          expect(courtClosed(r.due, { forward: true, courtClosures: extra }), `${req.rule} ${req.trigger} -> ${r.due}`).toBe(false);
        }
      }),
      { numRuns: process.env.MUTATION_RUN ? 40 : 150 },
    );
  });

  it('match a naive Rule 6(a)(1) count: the first open day at or after trigger + n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (t, n) => {
        let expected = plusDays(t, n);
        while (courtClosed(expected)) expected = plusDays(expected, 1);
        expect(computeDeadline({ rule: 'frcp6.days', trigger: t, params: { days: n } }).due).toBe(expected);
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
        expect(courtClosed(r.due.slice(0, 10))).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('every trigger day of 2024-2030 against the oracle (no sampling: every holiday is met)', () => {
  const days: string[] = [];
  // Under mutation testing, 2024-2025: the closures, the lapse and an Inauguration Day, at a third of the cost.
  const last = process.env.MUTATION_RUN ? '2025-12-31' : '2030-12-31';
  for (let d = '2024-01-01'; d <= last; d = plusDays(d, 1)) days.push(d);

  it('frcp6.days forward, 1, 3, 7 and 14 days', () => {
    for (const t of days) {
      for (const n of [1, 3, 7, 14]) {
        let expected = plusDays(t, n);
        while (courtClosed(expected)) expected = plusDays(expected, 1);
        const got = computeDeadline({ rule: 'frcp6.days', trigger: t, params: { days: n } }).due;
        if (got !== expected) expect(`${t} + ${n} -> ${got}`).toBe(`${t} + ${n} -> ${expected}`);
      }
    }
  });

  it('frcp6.days backward, 7 days', () => {
    for (const t of days.filter((d) => d >= '2024-01-15')) {
      let expected = plusDays(t, -7);
      while (courtClosed(expected, { forward: false })) expected = plusDays(expected, -1);
      const got = computeDeadline({ rule: 'frcp6.days', trigger: t, params: { days: 7, direction: 'before' } }).due;
      if (got !== expected) expect(`${t} - 7 -> ${got}`).toBe(`${t} - 7 -> ${expected}`);
    }
  });

  it('foia.response, 20 working days', () => {
    for (const t of days) {
      let d = t;
      for (let count = 0; count < 20; ) if (foiaWorkingDay((d = plusDays(d, 1)))) count++;
      const got = computeDeadline({ rule: 'foia.response', trigger: t }).due;
      if (got !== d) expect(`${t} -> ${got}`).toBe(`${t} -> ${d}`);
    }
  });
});

describe('court deadlines counted backward', () => {
  it('match a naive backward count: the last open day at or before trigger - n (no D.C. holidays backward)', () => {
    fc.assert(
      fc.property(day.filter((t) => t >= '2024-03-01'), fc.integer({ min: 1, max: 60 }), (t, n) => {
        let expected = plusDays(t, -n);
        while (courtClosed(expected, { forward: false })) expected = plusDays(expected, -1);
        expect(computeDeadline({ rule: 'frcp6.days', trigger: t, params: { days: n, direction: 'before' } }).due).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('FOIA working days', () => {
  /** Day 0 is the receipt; each later working day counts one, until n. */
  function naiveWorkingDays(start: string, n: number): string {
    let d = start;
    for (let count = 0; count < n; ) {
      d = plusDays(d, 1);
      if (foiaWorkingDay(d)) count++;
    }
    return d;
  }

  it('foia.response matches a naive count of 20 working days', () => {
    fc.assert(
      fc.property(day, (t) => {
        expect(computeDeadline({ rule: 'foia.response', trigger: t }).due).toBe(naiveWorkingDays(t, 20));
      }),
      RUNS,
    );
  });

  it('foia.response+unusual matches a naive count of 20 plus the extension’s working days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 10 }), (t, k) => {
        const r = computeDeadline({ rule: 'foia.response+unusual', trigger: t, params: { extension_working_days: k } });
        expect(r.due).toBe(naiveWorkingDays(t, 20 + k));
      }),
      RUNS,
    );
  });

  it('the oracle’s own tables hold the days this property range most depends on', () => {
    // Spot checks, so a typo in the tables above cannot silently weaken every property.
    expect(naiveWorkingDays('2026-03-02', 20)).toBe('2026-03-30');
    expect(naiveWorkingDays('2024-12-20', 20)).toBe('2025-01-22'); // Christmas, New Year, MLK + Inauguration skipped; the two closures count
    expect(courtClosed('2024-12-24')).toBe(true); // E.O. closure: a holiday for the court
    expect(foiaWorkingDay('2024-12-24')).toBe(true); // but a working day for FOIA
    expect(courtClosed('2026-04-16')).toBe(true);
    expect(courtClosed('2026-04-16', { forward: false })).toBe(false);
    expect(() => courtClosed('2033-01-03')).toThrow(RangeError);
    expect(courtClosed('2023-12-25')).toBe(true);
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
        const early = dayRules(t).map((r) => computeDeadline(r).due);
        const late = dayRules(plusDays(t, gap)).map((r) => computeDeadline(r).due);
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
          agency_request_sent: plusDays(t, x.sentOffset),
          requester_response_received: plusDays(t, x.sentOffset + x.length),
        }));
        const plain = computeDeadline({ rule: 'foia.response', trigger: t });
        const tolled = computeDeadline({ rule: 'foia.response', trigger: t, params: { tolling } });
        expect(tolled.due >= plain.due).toBe(true);
      }),
      RUNS,
    );
  });

  it('extensions', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 9 }), (t, k) => {
        const base = computeDeadline({ rule: 'foia.response', trigger: t }).due;
        const ext = (n: number) => computeDeadline({ rule: 'foia.response+unusual', trigger: t, params: { extension_working_days: n } }).due;
        expect(ext(k) >= base).toBe(true);
        expect(ext(k + 1) >= ext(k)).toBe(true);
      }),
      RUNS,
    );
  });

  it('6(d) mail days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (t, n) => {
        const plain = computeDeadline({ rule: 'frcp6.days', trigger: t, params: { days: n } }).due;
        const mail = computeDeadline({ rule: 'frcp6.days+mail', trigger: t, params: { days: n } }).due;
        expect(mail > plain).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('alternative readings are never missed', () => {
  // Treating closure (or lapse) days as holidays is exactly the alternative reading, so a
  // calendar that does so gives the date the receipt must report whenever it differs.
  const closureDays = EO_CLOSURES;
  const lapseDays: string[] = [];
  for (let d = LAPSE.from; d <= LAPSE.to; d = plusDays(d, 1)) lapseDays.push(d);
  const cases = [
    { name: 'closures', reason: /closed by executive order are not counted/, cal: withDays(defaultCalendar, { holidays: closureDays }) },
    { name: 'lapse days', reason: /lapse in appropriations are not counted/, cal: withDays(defaultCalendar, { holidays: lapseDays }) },
  ];
  const near = fc.integer({ min: msOf('2024-11-01') / DAY_MS, max: msOf('2026-01-31') / DAY_MS }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
  const toll = fc.record({ type: fc.constantFrom('information_request', 'fee_clarification'), sentOffset: fc.integer({ min: 0, max: 25 }), length: fc.integer({ min: 0, max: 20 }) });

  for (const c of cases) {
    it(`reports the ${c.name} reading whenever it moves a FOIA working-day clock`, () => {
      fc.assert(
        fc.property(near, fc.option(fc.integer({ min: 1, max: 12 })), fc.array(toll, { maxLength: 2 }), fc.constantFrom('foia.response', 'foia.response+unusual', 'foia.appeal_decision'), (t, capBack, tolls, rule) => {
          const params: Record<string, unknown> = {};
          if (rule !== 'foia.appeal_decision') {
            if (capBack !== null) params.first_received_by_designated_component = plusDays(t, -capBack);
            params.tolling = tolls.map((x) => ({ type: x.type, agency_request_sent: plusDays(t, x.sentOffset), requester_response_received: plusDays(t, x.sentOffset + x.length) }));
          }
          const req = { rule, trigger: t, params };
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
        // 6(a)(2)(C): "until the same time on the next day" that is open: the same wall-clock
        // time, even where a closed day between lacks it (a spring-forward Sunday has no 2:30).
        const sameTimeNextDay = (t: typeof elapsed, time: typeof elapsed) => t.toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone: 'America/New_York', plainTime: time.toPlainTime() });
        let end = elapsed;
        while (courtClosed(end.toPlainDate().toString())) end = sameTimeNextDay(end, elapsed);
        expect(r.due).toBe(end.toString({ timeZoneName: 'never' }));
        const wall = start.toPlainDateTime().add({ hours }).toZonedDateTime('America/New_York');
        let alt = wall;
        while (courtClosed(alt.toPlainDate().toString())) alt = sameTimeNextDay(alt, wall);
        const expectedAlt = alt.toString({ timeZoneName: 'never' });
        const reported = r.receipt.filter((e) => e.step === 'alternative' && /wall clock/.test(e.text));
        if (expectedAlt === r.due) expect(reported).toHaveLength(0);
        else expect(reported[0]?.text).toContain(`the deadline is ${expectedAlt}.`);
      }),
      RUNS,
    );
  });
});
