/** What each event does to a court item: a production, a filing, a 24-hour notice; and what it refuses. */
import { describe, expect, it } from 'vitest';
import { newCourtItem, validateCourtItem } from '../../core/court-items';
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { applyEvent, EventRejectedError, parseEvent } from '../../core/lifecycle';

const matter: Matter = { id: 'm', name: 'M', timeZone: 'America/New_York', team: [{ id: 'p1', name: 'P', email: 'p@example.org', role: 'x' }], createdAt: '2026-01-01T00:00:00Z' };
const now = new Date('2026-04-30T12:00:00Z');
let n = 0;
const ids = () => `C${String(++n).padStart(25, '0')}`;

function build(kind: 'record_production' | 'filing' | 'disclosure_notice', body: Record<string, unknown>) {
  const v = validateCourtItem(kind, { matterId: 'm', ...body }, now);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return newCourtItem(v.value, { id: `I${++n}`, now, createdBy: 'p1', matter, newDeadlineId: ids });
}

function play(start: { item: TrackedItem; deadlines: Deadline[] }, events: Record<string, unknown>[]) {
  let state = { item: start.item, deadlines: start.deadlines };
  for (const body of events) {
    const c = applyEvent(state.item, state.deadlines, parseEvent(state.item.kind, body, now), { now, recordedBy: 'p1', newDeadlineId: ids });
    const merged = new Map(state.deadlines.map((d) => [d.id, d]));
    for (const d of c.deadlines) merged.set(d.id, d);
    state = { item: c.item, deadlines: [...merged.values()] };
  }
  return state;
}
const rejection = (start: { item: TrackedItem; deadlines: Deadline[] }, events: Record<string, unknown>[]) => {
  try {
    play(start, events);
  } catch (err) {
    expect(err).toBeInstanceOf(EventRejectedError);
    // "… (the item is <phase>)": the rule's words, without the phase it names.
    return (err as Error).message.replace(/ \(the item is [^)]*\)$/, '');
  }
  return 'accepted';
};
const summary = (ds: Deadline[]) => ds.map((d) => `${d.label}: ${d.due} ${d.status}`).sort();

describe('a court-ordered production', () => {
  const production = () => build('record_production', { title: 'Record', order: { orderedAt: '2026-03-02', days: 14 } });

  it('produced on time: met, then an objections window if the order gives one', () => {
    const p = production();
    expect(p.item.phase).toBe('awaiting_production');
    const done = play(p, [{ type: 'produced', at: '2026-03-09' }]);
    expect(done.item.phase).toBe('produced');
    expect(done.deadlines.map((d) => d.status)).toEqual(['met']);
    const withObjections = play(production(), [{ type: 'produced', at: '2026-03-09', objectionDays: 7 }]);
    expect(withObjections.item.phase).toBe('objections_window');
    expect(summary(withObjections.deadlines)).toEqual(['Objections to the record due: 2026-03-16 open', `${p.deadlines[0]!.label}: 2026-03-16 met`].sort());
    const objected = play(withObjections, [{ type: 'objection_filed', at: '2026-03-12' }]);
    expect(objected.item.phase).toBe('objections_filed');
    expect(objected.deadlines.filter((d) => d.status === 'open')).toEqual([]);
  });

  it('objections after a production without a window meet nothing; objections before a production are refused', () => {
    const done = play(production(), [{ type: 'produced', at: '2026-03-09' }, { type: 'objection_filed', at: '2026-03-12' }]);
    expect(done.item.phase).toBe('objections_filed');
    expect(rejection(production(), [{ type: 'objection_filed', at: '2026-03-05' }])).toBe('Objections follow a production');
    expect(rejection(done, [{ type: 'produced', at: '2026-03-13' }])).toBe('Nothing is awaiting production');
  });

  it('a supplement ordered by date or by days, then produced', () => {
    const byDate = play(production(), [{ type: 'produced', at: '2026-03-09' }, { type: 'supplement_ordered', at: '2026-03-10', due: '2026-03-20' }]);
    expect(byDate.item.phase).toBe('awaiting_supplement');
    expect(byDate.deadlines.filter((d) => d.status === 'open').map((d) => [d.label, d.due])).toEqual([['Supplement to the record due', '2026-03-20']]);
    const byDays = play(production(), [{ type: 'produced', at: '2026-03-09' }, { type: 'supplement_ordered', at: '2026-03-10', days: 5 }]);
    expect(byDays.deadlines.filter((d) => d.status === 'open').map((d) => d.due)).toEqual(['2026-03-16']);
    expect(play(byDays, [{ type: 'produced', at: '2026-03-12' }]).item.phase).toBe('produced');
  });

  it('an extension moves the open deadline to a later date, never an earlier or the same one', () => {
    const extended = play(production(), [{ type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-23' }]);
    expect(extended.deadlines.map((d) => `${d.due} ${d.status}`).sort()).toEqual(['2026-03-16 superseded', '2026-03-23 open']);
    expect(extended.deadlines.find((d) => d.status === 'open')!.label).toMatch(/ \(extended\)$/);
    expect(rejection(production(), [{ type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-16' }])).toBe('The new date 2026-03-16 is not after the current one (2026-03-16)');
    expect(rejection(production(), [{ type: 'produced', at: '2026-03-09' }, { type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-23' }])).toBe('Nothing is due that an extension could move');
  });

  it('closes', () => {
    expect(play(production(), [{ type: 'closed', at: '2026-03-10' }]).item.status).toBe('closed');
  });
});

describe('a filing', () => {
  const filing = () => build('filing', { title: 'Opposition', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } });

  it('filed: met; an opposition to it opens the reply, counted from its service', () => {
    const filed = play(filing(), [{ type: 'filed', at: '2026-03-12' }]);
    expect(filed.item.phase).toBe('filed');
    expect(filed.deadlines.map((d) => d.status)).toEqual(['met']);
    const reply = play(filed, [{ type: 'opposition_served', at: '2026-03-16' }]);
    expect(reply.item.phase).toBe('reply_due');
    expect(reply.deadlines.filter((d) => d.status === 'open').map((d) => [d.rule, d.due, d.params.service])).toEqual([['lcvr7d.reply', '2026-03-23', 'electronic']]);
    const byMail = play(filed, [{ type: 'opposition_served', at: '2026-03-16', service: 'mail' }]);
    expect(byMail.deadlines.filter((d) => d.status === 'open').map((d) => d.due)).toEqual(['2026-03-26']);
    expect(play(reply, [{ type: 'filed', at: '2026-03-20' }]).item.phase).toBe('filed');
    expect(rejection(filing(), [{ type: 'opposition_served', at: '2026-03-16' }])).toBe('An opposition answers a motion the team has filed');
    expect(rejection(filed, [{ type: 'filed', at: '2026-03-13' }])).toBe('Nothing is due to be filed');
  });

  it('a moved trigger recomputes the deadline, keeping its service unless the event names one', () => {
    const moved = play(filing(), [{ type: 'trigger_changed', at: '2026-03-05', triggerAt: '2026-03-04' }]);
    expect(moved.deadlines.map((d) => `${d.due} ${d.status}`).sort()).toEqual(['2026-03-16 superseded', '2026-03-18 open']);
    expect(moved.deadlines.find((d) => d.status === 'open')!.params.service).toBe('electronic');
    const byMail = play(filing(), [{ type: 'trigger_changed', at: '2026-03-05', triggerAt: '2026-03-04', service: 'mail' }]);
    expect(byMail.deadlines.find((d) => d.status === 'open')!.due).toBe('2026-03-23');
    expect(rejection(play(filing(), [{ type: 'filed', at: '2026-03-12' }]), [{ type: 'trigger_changed', at: '2026-03-13', triggerAt: '2026-03-04' }])).toBe('The trigger can only move while the filing is due');
  });

  it('an extension, and vacating or closing', () => {
    const extended = play(filing(), [{ type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-30' }]);
    expect(extended.deadlines.filter((d) => d.status === 'open').map((d) => d.due)).toEqual(['2026-03-30']);
    expect(play(filing(), [{ type: 'vacated', at: '2026-03-10' }]).item.status).toBe('closed');
    expect(play(filing(), [{ type: 'closed', at: '2026-03-10' }]).item.status).toBe('closed');
  });
});

describe('a 24-hour disclosure notice', () => {
  const notice = () => build('disclosure_notice', { receivedAt: '2026-03-09T10:00:00-04:00', summary: 'Intent to share' });

  it('a motion filed in the window meets it; a second motion is refused', () => {
    const filed = play(notice(), [{ type: 'emergency_motion_filed', at: '2026-03-09T15:00:00-04:00' }]);
    expect(filed.item.phase).toBe('motion_filed');
    expect(filed.deadlines.map((d) => d.status)).toEqual(['met']);
    expect(rejection(filed, [{ type: 'emergency_motion_filed', at: '2026-03-09T16:00:00-04:00' }])).toBe('A motion was already filed');
  });

  it.each(['disclosure_occurred', 'withdrawn', 'closed'])('%s closes it', (type) => {
    expect(play(notice(), [{ type, at: '2026-03-09T15:00:00-04:00' }]).item.status).toBe('closed');
  });
});
