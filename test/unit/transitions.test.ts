/** The lifecycle rules, without any server: what each event does in each phase. */
import { describe, expect, it } from 'vitest';
import { deadlinesPassed } from '../../core/changes';
import { newCourtItem, validateCourtItem } from '../../core/court-items';
import { verifyChain } from '../../core/events';
import { validateIntake } from '../../core/intake';
import { newRecordRequest } from '../../core/items';
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { applyEvent, EventInvalidError, EventRejectedError, parseEvent } from '../../core/lifecycle';
import { publicView } from '../../core/views';
import { validIntake } from '../support/fixtures';

const matter: Matter = { id: 'm', name: 'M', timeZone: 'America/New_York', team: [{ id: 'p1', name: 'P', email: 'p@example.org', role: 'x' }], createdAt: '2026-01-01T00:00:00Z' };
let n = 0;
const ids = () => `D${String(++n).padStart(25, '0')}`;

function request(receivedAt = '2026-03-02T15:00:00Z') {
  const input = validateIntake(validIntake({ receivedAt }), { team: true, now: new Date('2026-12-01T00:00:00Z') });
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  return newRecordRequest(input.value, { id: 'ITEM', now: new Date(receivedAt), createdBy: 'p1', matter, newDeadlineId: ids });
}

/** Applies events in order, as the store would commit them. */
function play(item: TrackedItem, deadlines: Deadline[], events: Record<string, unknown>[], now = new Date('2026-12-01T00:00:00Z')) {
  let state = { item, deadlines, events: [] as ReturnType<typeof applyEvent>['events'] };
  for (const body of events) {
    const c = applyEvent(state.item, state.deadlines, parseEvent(state.item.kind, body, now), { now, recordedBy: 'p1', newDeadlineId: ids });
    const merged = new Map(state.deadlines.map((d) => [d.id, d]));
    for (const d of c.deadlines) merged.set(d.id, d);
    state = { item: c.item, deadlines: [...merged.values()], events: [...state.events, ...c.events] };
  }
  return state;
}

const open = (ds: Deadline[], rule: string) => ds.filter((d) => d.rule === rule && d.status === 'open');

describe('record requests', () => {
  it('a second information request is recorded but does not toll again', () => {
    const { item, deadlines } = request();
    const s = play(item, deadlines, [
      { type: 'info_request_sent', at: '2026-03-04' },
      { type: 'info_response_received', at: '2026-03-09' },
      { type: 'info_request_sent', at: '2026-03-10' },
    ]);
    expect(s.item.phase).toBe('awaiting_response');
    expect(s.events.at(-1)!.data.note).toMatch(/does not toll/);
    expect(open(s.deadlines, 'foia.response')).toHaveLength(1);
  });

  it('fee clarifications toll any number of times', () => {
    const { item, deadlines } = request();
    const s = play(item, deadlines, [
      { type: 'fee_clarification_sent', at: '2026-03-03' },
      { type: 'fee_clarification_received', at: '2026-03-05' },
      { type: 'fee_clarification_sent', at: '2026-03-10' },
      { type: 'fee_clarification_received', at: '2026-03-12' },
    ]);
    const [d] = open(s.deadlines, 'foia.response');
    expect(d!.params.tolling).toHaveLength(2);
    expect(d!.due > '2026-03-30').toBe(true);
    expect(s.item.foia?.tolling.every((t) => t.requester_response_received)).toBe(true);
  });

  it('re-bases the clock on receipt by the right component, capped by the first designated receipt', () => {
    const { item, deadlines } = request('2026-03-02T15:00:00Z');
    const s = play(item, deadlines, [{ type: 'received', at: '2026-03-20', byComponent: 'IRS Disclosure Office' }]);
    const [d] = open(s.deadlines, 'foia.response');
    expect(d!.params.first_received_by_designated_component).toBe('2026-03-02T15:00:00Z');
    // Capped: at most 10 working days after 3/2 (3/16), then 20 working days.
    expect(d!.due).toBe('2026-04-13');
  });

  it('a denial opens the appeal window the agency\'s regulation gives: ICE (a DHS component) 90 working days, 6 C.F.R. 5.8(a)(1)', () => {
    const input = validateIntake(validIntake({ agency: 'ICE', receivedAt: '2026-03-02T15:00:00Z' }), { team: true, now: new Date('2026-12-01T00:00:00Z') });
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    const { item, deadlines } = newRecordRequest(input.value, { id: 'ITEM', now: new Date('2026-03-02T15:00:00Z'), createdBy: 'p1', matter, newDeadlineId: ids });
    const s = play(item, deadlines, [{ type: 'determination', at: '2026-03-02', outcome: 'denial' }]);
    const [w] = open(s.deadlines, 'foia.appeal_window');
    // 90 working days after Monday 2 March 2026, skipping Memorial Day, Juneteenth and July 3.
    expect(w!.due).toBe('2026-07-09');
    expect(w!.citation).toMatch(/^6 C\.F\.R\. 5\.8\(a\)\(1\)/);
  });

  it('refuses an appeal before any adverse determination, and events on a closed item', () => {
    const { item, deadlines } = request();
    expect(() => play(item, deadlines, [{ type: 'appeal_filed', at: '2026-03-05' }])).toThrow(EventRejectedError);
    const closed = play(item, deadlines, [{ type: 'withdrawn', at: '2026-03-05' }]);
    expect(closed.item.status).toBe('closed');
    expect(closed.deadlines.every((d) => d.status !== 'open')).toBe(true);
    expect(() => play(closed.item, closed.deadlines, [{ type: 'acknowledged', at: '2026-03-06', trackingNumber: 'x' }])).toThrow(/closed/);
  });

  it('names bad fields: missing, unknown, wrong type, future date', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const fields = (body: unknown) => {
      try {
        parseEvent('foia', body, now);
        return [];
      } catch (err) {
        return (err as EventInvalidError).errors.map((e) => e.field).sort();
      }
    };
    expect(fields({ type: 'extension_notice', at: '2026-03-09' })).toEqual(['workingDays']);
    expect(fields({ type: 'extension_notice', at: '2026-03-09', workingDays: 11 })).toEqual(['workingDays']);
    expect(fields({ type: 'acknowledged', at: '2026-03-11', trackingNumber: 'x', extra: 1 })).toEqual(['at', 'extra']);
    expect(fields({ type: 'filed', at: '2026-03-09' })).toEqual(['type']);
    expect(fields('nope')).toEqual(['']);
  });

  it('a missed response means constructive exhaustion; the chain of events holds', () => {
    const { item, deadlines, event } = request();
    const c = deadlinesPassed(item, deadlines, new Date('2026-04-01T00:00:00Z'))!;
    expect(c.item.phase).toBe('exhausted');
    expect(c.deadlines.map((d) => d.status)).toEqual(['missed']);
    expect(verifyChain([event, ...c.events])).toBe(-1);
    const tampered = [event, { ...c.events[0]!, data: { ...c.events[0]!.data, due: '2026-05-01' } }];
    expect(verifyChain(tampered)).toBe(1);
  });

  it('the public view lists what to show: no requester, no description, no private events', () => {
    const { item, deadlines, event } = request();
    const view = publicView(item, deadlines, [event, { ...event, seq: 2, type: 'deadline_missed', public: false }], 'CODE');
    const text = JSON.stringify(view);
    expect(text).not.toContain('maria@example.org');
    expect(text).not.toContain('data-sharing agreement');
    expect(view.events.map((e) => e.type)).toEqual(['submitted']);
  });
});

describe('court items', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('a production from LCvR 7(n) with an earlier dispositive motion is due with the motion', () => {
    const v = validateCourtItem('record_production', { matterId: 'm', lcvr7n: { answerServed: '2026-02-02', dispositiveMotionFiled: '2026-02-20' } }, now);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const built = newCourtItem(v.value, { id: 'P', now, createdBy: 'p1', matter, newDeadlineId: ids });
    expect(built.deadlines[0]!.due).toBe('2026-02-20');
    expect(built.deadlines[0]!.alternative?.due).toBe('2026-03-04');
  });

  it('a filing whose hearing is set: a deadline counted backward from the hearing', () => {
    const v = validateCourtItem('filing', { matterId: 'm', title: 'Pretrial statement', rule: 'court_order.fixed', trigger: { type: 'order_entered', at: '2026-03-09' }, params: { date: '2026-04-30' } }, now);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const built = newCourtItem(v.value, { id: 'F', now, createdBy: 'p1', matter, newDeadlineId: ids });
    const s = play(built.item, built.deadlines, [{ type: 'hearing_set', at: '2026-03-10', hearingAt: '2026-04-20', days: 7 }], now);
    const before = s.deadlines.find((d) => d.rule === 'frcp6.days');
    expect(before?.due).toBe('2026-04-13');
  });

  it('a motion-served set: the opposition filed late still moves the reply to its actual service', () => {
    const v = validateCourtItem('filing', { matterId: 'm', triggerSet: 'motion_served', trigger: { at: '2026-02-16' } }, now);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const built = newCourtItem(v.value, { id: 'S', now, createdBy: 'p1', matter, newDeadlineId: ids });
    // Opposition 14 days from Mon 02-16: Mon 03-02 (LCvR 7(b)); it passed unmet.
    const [opposition, reply] = built.deadlines;
    expect([opposition!.link, opposition!.due, reply!.link, reply!.due]).toEqual(['opposition', '2026-03-02', 'reply', '2026-03-09']);
    const missed = [{ ...opposition!, status: 'missed' as const }, reply!];
    const s = play(built.item, missed, [{ type: 'filed', at: '2026-03-04' }], now);
    expect(s.events.at(-1)!.data.note).toMatch(/after the deadline passed/);
    // The reply now counts from Wed 03-04: 7 days, Wed 03-11 (LCvR 7(d)).
    const open = s.deadlines.filter((d) => d.status === 'open');
    expect(open.map((d) => [d.link, d.due, d.supersedes])).toEqual([['reply', '2026-03-11', reply!.id]]);
    expect(s.item.phase).toBe('due');
  });

  it('rejects a production given both an order and LCvR 7(n), or neither', () => {
    expect(validateCourtItem('record_production', { matterId: 'm' }, now).ok).toBe(false);
    const both = validateCourtItem('record_production', { matterId: 'm', order: { orderedAt: '2026-03-01', days: 10 }, lcvr7n: { answerServed: '2026-03-01' } }, now);
    expect(both.ok).toBe(false);
  });
});
