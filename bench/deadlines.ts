/**
 * Deadline engine benchmark, pure computation in memory: computations per second for each
 * rule, and the engine's `recomputeAll` over 100,000 open deadlines held in an array after a
 * calendar change (budget: well under 1 s per 10,000).
 *
 * What it does not measure: the system's own path for a calendar change (POST
 * /api/calendar/days), which reads the open deadlines from DynamoDB, recomputes them and
 * commits the moved ones with their events and workflow wake-ups. That path is bounded by the
 * table and the transactions, not by this arithmetic; these numbers are the engine's share.
 *
 *   npx tsx bench/deadlines.ts
 */
import { defaultCalendar, isoOf, parseIsoDay, withDays } from '../core/calendar';
import { computeDeadline, recomputeAll, RULE_IDS, type DeadlineRequest, type OpenDeadline } from '../core/deadlines';

const START = parseIsoDay('2025-06-01')!;
const TRIGGER_SPREAD = 730; // two years of triggers, across closures, the lapse and holidays

const PARAMS: Record<string, (t: number) => Record<string, unknown> | undefined> = {
  'foia.response': (t) => ({
    tolling: [{ type: 'information_request', agency_request_sent: isoOf(t + 2), requester_response_received: isoOf(t + 6) }],
    first_received_by_designated_component: isoOf(t - 3),
  }),
  'frcp6.days': () => ({ days: 14 }),
  'frcp6.days+mail': () => ({ days: 14 }),
  'frcp6.hours': () => ({ hours: 24 }),
  'court_order.fixed': () => ({ days: 45 }),
  'lcvr7n.certified_list': (t) => ({ dispositive_motion_filed: isoOf(t + 20) }),
};

function requestFor(rule: string, i: number): DeadlineRequest {
  const t = START + (i % TRIGGER_SPREAD);
  const trigger = rule === 'frcp6.hours' ? `${isoOf(t)}T${String(i % 24).padStart(2, '0')}:30:00-05:00` : isoOf(t);
  const params = PARAMS[rule]?.(t);
  return { rule, trigger, ...(params ? { params } : {}) };
}

function perSecond(rule: string): number {
  const requests = Array.from({ length: 2000 }, (_, i) => requestFor(rule, i));
  for (const r of requests) computeDeadline(r); // warm caches and the JIT
  let n = 0;
  const began = performance.now();
  while (performance.now() - began < 400) {
    for (const r of requests) computeDeadline(r);
    n += requests.length;
  }
  return n / ((performance.now() - began) / 1000);
}

const rows = RULE_IDS.map((rule) => [rule, Math.round(perSecond(rule)).toLocaleString('en-US')]);
const width = Math.max(...rows.map((r) => r[0]!.length));
console.log(`${'rule'.padEnd(width)}  computations/s`);
console.log(`${'-'.repeat(width)}  --------------`);
for (const [rule, rate] of rows) console.log(`${rule!.padEnd(width)}  ${rate!.padStart(14)}`);

// 100,000 open deadlines across every rule, then a court closure and an executive-order closure are added.
const open: OpenDeadline[] = Array.from({ length: 100_000 }, (_, i) => {
  const request = requestFor(RULE_IDS[i % RULE_IDS.length]!, i);
  const result = computeDeadline(request);
  return { id: `d${i}`, request, due: result.due, ...(result.alternative ? { alternativeDue: result.alternative.due } : {}) };
});
const changed = withDays(defaultCalendar, { courtClosures: ['2026-03-16'], closures: ['2026-12-24'] });
const began = performance.now();
const out = recomputeAll(open, changed);
const ms = performance.now() - began;
console.log('');
console.log(`engine only, in memory: recomputeAll over 100,000 open deadlines after a calendar change (${defaultCalendar.version} -> ${changed.version}):`);
console.log(`  ${ms.toFixed(0)} ms total, ${(ms / 10).toFixed(0)} ms per 10,000; ${out.changed.length.toLocaleString('en-US')} moved`);
