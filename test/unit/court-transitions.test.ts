/** What each event does to a court item: a production, a filing, a 24-hour notice; and what it refuses. */
import { describe, expect, it } from 'vitest';
import { deadlinesPassed } from '../../core/changes';
import { newCourtItem, validateCourtItem } from '../../core/court-items';
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { applyEvent, parseEvent } from '../../core/lifecycle';
import { teamView } from '../../core/views';
import { refusalOf } from '../support/lifecycle';

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
const rejection = (start: { item: TrackedItem; deadlines: Deadline[] }, events: Record<string, unknown>[]) => refusalOf(() => play(start, events));
/** The state once every deadline due by `at` has passed unmet, as the workflow records it. */
function passed(start: { item: TrackedItem; deadlines: Deadline[] }, at: string) {
  const c = deadlinesPassed(start.item, start.deadlines, new Date(at))!;
  const merged = new Map(start.deadlines.map((d) => [d.id, d]));
  for (const d of c.deadlines) merged.set(d.id, d);
  return { item: c.item, deadlines: [...merged.values()] };
}
function lastNote(start: { item: TrackedItem; deadlines: Deadline[] }, body: Record<string, unknown>) {
  const c = applyEvent(start.item, start.deadlines, parseEvent(start.item.kind, body, now), { now, recordedBy: 'p1', newDeadlineId: ids });
  return c.events.at(-1)!.data.note;
}
const openDue = (s: { deadlines: Deadline[] }) => s.deadlines.filter((d) => d.status === 'open').map((d) => `${d.link ?? d.rule} ${d.due}`).sort();
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

describe('court items when a deadline has passed or more than one is open', () => {
  const production = () => build('record_production', { title: 'Record', order: { orderedAt: '2026-03-02', days: 14 } });

  it('a production after its deadline passed: recorded with a note, nothing met', () => {
    const late = passed(production(), '2026-03-17T12:00:00Z');
    expect(late.deadlines.map((d) => d.status)).toEqual(['missed']);
    expect(lastNote(late, { type: 'produced', at: '2026-03-18' })).toBe('Produced after the deadline passed');
    const done = play(late, [{ type: 'produced', at: '2026-03-18' }]);
    expect(done.item.phase).toBe('produced');
    expect(done.deadlines.map((d) => d.status)).toEqual(['missed']);
  });

  it('an extension needs an open deadline to move', () => {
    expect(rejection(passed(production(), '2026-03-17T12:00:00Z'), [{ type: 'extension_granted', at: '2026-03-18', newDue: '2026-03-30' }])).toBe('No open deadline to extend');
  });

  it('an extension given as a date-time moves the deadline to that date', () => {
    const extended = play(production(), [{ type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-23T17:00:00-04:00' }]);
    const open = extended.deadlines.find((d) => d.status === 'open')!;
    expect([open.params.date, open.due]).toEqual(['2026-03-23', '2026-03-23']);
  });

  it('a supplement ordered by a date-time is due that date', () => {
    const s = play(production(), [{ type: 'produced', at: '2026-03-09' }, { type: 'supplement_ordered', at: '2026-03-10', due: '2026-03-20T12:00:00-04:00' }]);
    expect(s.deadlines.filter((d) => d.status === 'open').map((d) => [d.params.date, d.due])).toEqual([['2026-03-20', '2026-03-20']]);
  });

  it('a supplement ordered before the production: the production meets the sooner, objections meet neither', () => {
    const both = play(production(), [{ type: 'supplement_ordered', at: '2026-03-05', due: '2026-03-20' }, { type: 'produced', at: '2026-03-09' }]);
    expect(both.item.phase).toBe('produced');
    expect(summary(both.deadlines)).toEqual([`${production().deadlines[0]!.label}: 2026-03-16 met`, 'Supplement to the record due: 2026-03-20 open'].sort());
    // No objections window was opened: the supplement stays due.
    const objected = play(both, [{ type: 'objection_filed', at: '2026-03-12' }]);
    expect(objected.item.phase).toBe('objections_filed');
    expect(openDue(objected)).toEqual(['court_order.fixed 2026-03-20']);
  });
});

describe('a filing from a trigger set: an opposition and the reply counted from its service', () => {
  // Motion served Mon 02-16: opposition 14 days later, Mon 03-02 (LCvR 7(b)); reply 7 days after that, Mon 03-09 (LCvR 7(d)).
  const motion = (body: Record<string, unknown> = {}) => build('filing', { triggerSet: 'motion_served', trigger: { at: '2026-02-16' }, ...body });

  it('the opposition filed on time is met; the reply then counts from its service, and the filing stays due', () => {
    const m = motion();
    expect(openDue(m)).toEqual(['opposition 2026-03-02', 'reply 2026-03-09']);
    const [opposition, reply] = m.deadlines;
    const filed = play(m, [{ type: 'filed', at: '2026-02-27' }]);
    expect(filed.item.phase).toBe('due');
    expect(filed.deadlines.find((d) => d.id === opposition!.id)!.status).toBe('met');
    expect(filed.deadlines.find((d) => d.id === reply!.id)!.status).toBe('superseded');
    // Served Fri 02-27: the reply is due 7 days later, Fri 03-06.
    expect(filed.deadlines.filter((d) => d.status === 'open').map((d) => [d.link, d.due, d.supersedes])).toEqual([['reply', '2026-03-06', reply!.id]]);
    expect(lastNote(m, { type: 'filed', at: '2026-02-27' })).toBe(undefined);
    const replied = play(filed, [{ type: 'filed', at: '2026-03-05' }]);
    expect(replied.item.phase).toBe('filed');
    expect(replied.deadlines.filter((d) => d.status === 'open')).toEqual([]);
  });

  it('the first deadline still unfiled is the one filed, whatever order the deadlines come in', () => {
    const m = motion();
    const reversed = { item: m.item, deadlines: [...m.deadlines].reverse() };
    const filed = play(reversed, [{ type: 'filed', at: '2026-02-27' }]);
    expect(openDue(filed)).toEqual(['reply 2026-03-06']);
    expect(filed.deadlines.filter((d) => d.status === 'met').map((d) => d.link)).toEqual(['opposition']);
  });

  it('a set kept to one deadline: filing it files the item', () => {
    const one = motion({ keep: ['opposition'] });
    expect(openDue(one)).toEqual(['opposition 2026-03-02']);
    expect(play(one, [{ type: 'filed', at: '2026-02-27' }]).item.phase).toBe('filed');
  });

  it('a moved trigger recomputes every open deadline of the set and says how many moved', () => {
    const m = motion();
    const moved = play(m, [{ type: 'trigger_changed', at: '2026-02-20', triggerAt: '2026-02-18' }]);
    // Served Wed 02-18: opposition Wed 03-04, reply Wed 03-11.
    expect(openDue(moved)).toEqual(['opposition 2026-03-04', 'reply 2026-03-11']);
    expect(moved.deadlines.filter((d) => d.status === 'superseded').map((d) => d.id).sort()).toEqual(m.deadlines.map((d) => d.id).sort());
    expect(moved.item.triggerSet).toEqual({ ...m.item.triggerSet, trigger: '2026-02-18' });
    expect(moved.item.phase).toBe('due');
    expect(lastNote(m, { type: 'trigger_changed', at: '2026-02-20', triggerAt: '2026-02-18' })).toBe('The trigger moved from 2026-02-16 to 2026-02-18: 2 deadlines of the set recomputed and superseded');
    expect(lastNote(motion({ keep: ['reply'] }), { type: 'trigger_changed', at: '2026-02-20', triggerAt: '2026-02-18' })).toBe('The trigger moved from 2026-02-16 to 2026-02-18: 1 deadline of the set recomputed and superseded');
  });

  it('an opposition filed late is filed once: the next filing is the reply, which it then meets', () => {
    const late = passed(motion(), '2026-03-03T12:00:00Z');
    expect(late.deadlines.map((d) => `${d.link} ${d.status}`)).toEqual(['opposition missed', 'reply open']);
    const opposition = play(late, [{ type: 'filed', at: '2026-03-04' }]);
    expect(opposition.item.phase).toBe('due');
    expect(opposition.deadlines.find((d) => d.link === 'opposition')).toMatchObject({ status: 'missed', filedLateAt: '2026-03-04' });
    // The team's view of the item shows it.
    expect(teamView(opposition.item, opposition.deadlines, []).deadlines.find((d) => d.link === 'opposition')).toMatchObject({ status: 'missed', filedLateAt: '2026-03-04' });
    // Served Wed 03-04: the reply is due Wed 03-11.
    expect(openDue(opposition)).toEqual(['reply 2026-03-11']);
    const reply = play(opposition, [{ type: 'filed', at: '2026-03-10' }]);
    expect(lastNote(opposition, { type: 'filed', at: '2026-03-10' })).toBe(undefined);
    expect(reply.item.phase).toBe('filed');
    expect(reply.deadlines.filter((d) => d.status === 'met').map((d) => [d.link, d.due])).toEqual([['reply', '2026-03-11']]);
  });

  it('when both passed unfiled, the late opposition files the item; the passed reply stays missed', () => {
    const late = passed(motion(), '2026-03-10T12:00:00Z');
    const filed = play(late, [{ type: 'filed', at: '2026-03-11' }]);
    expect(filed.item.phase).toBe('filed');
    expect(filed.deadlines.map((d) => `${d.link} ${d.status} ${d.filedLateAt ?? '-'}`)).toEqual(['opposition missed 2026-03-11', 'reply missed -']);
  });

  it('a moved trigger leaves the deadlines already met as they are', () => {
    const filed = play(motion(), [{ type: 'filed', at: '2026-02-27' }]);
    const met = filed.deadlines.find((d) => d.status === 'met')!;
    const moved = play(filed, [{ type: 'trigger_changed', at: '2026-03-02', triggerAt: '2026-02-18' }]);
    expect(moved.deadlines.find((d) => d.id === met.id)).toEqual(met);
    expect(openDue(moved)).toEqual(['reply 2026-03-11']);
  });
});

describe('a filing when its deadline passed, or a hearing is set', () => {
  const filing = () => build('filing', { title: 'Opposition', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2026-03-02', service: 'electronic' } });

  it('filed after its deadline passed: filed, nothing met', () => {
    const late = passed(filing(), '2026-03-17T12:00:00Z');
    const filed = play(late, [{ type: 'filed', at: '2026-03-18' }]);
    expect(filed.item.phase).toBe('filed');
    expect(filed.deadlines.map((d) => [d.status, d.filedLateAt])).toEqual([['missed', '2026-03-18']]);
    expect(lastNote(late, { type: 'filed', at: '2026-03-18' })).toBe('Filed after the deadline passed');
  });

  it('a hearing set before the filing: the filing meets its own deadline, and the item stays due for the one counted back from the hearing', () => {
    const f = filing();
    const both = play(f, [{ type: 'hearing_set', at: '2026-03-05', hearingAt: '2026-04-20', days: 7 }]);
    expect(openDue(both)).toEqual(['frcp6.days 2026-04-13', 'lcvr7b.opposition 2026-03-16']);
    const filed = play(both, [{ type: 'filed', at: '2026-03-12' }]);
    expect(filed.item.phase).toBe('due');
    expect(filed.deadlines.find((d) => d.id === f.deadlines[0]!.id)!.status).toBe('met');
    expect(openDue(filed)).toEqual(['frcp6.days 2026-04-13']);
    const second = play(filed, [{ type: 'filed', at: '2026-04-10' }]);
    expect(second.item.phase).toBe('filed');
    expect(openDue(second)).toEqual([]);
  });

  it('an extension of a deadline counted in hours is compared and named by its date', () => {
    const hours = build('filing', { title: 'Response to the motion', rule: 'frcp6.hours', trigger: { type: 'order_entered', at: '2026-03-09T10:00:00-04:00' }, params: { hours: 48 } });
    const [d] = hours.deadlines;
    expect(d!.due.slice(0, 10)).toBe('2026-03-11');
    expect(rejection(hours, [{ type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-11' }])).toBe('The new date 2026-03-11 is not after the current one (2026-03-11)');
    expect(play(hours, [{ type: 'extension_granted', at: '2026-03-10', newDue: '2026-03-12' }]).deadlines.filter((x) => x.status === 'open').map((x) => x.due)).toEqual(['2026-03-12']);
  });

  it('a trigger cannot move when no deadline is open', () => {
    expect(rejection(passed(filing(), '2026-03-17T12:00:00Z'), [{ type: 'trigger_changed', at: '2026-03-18', triggerAt: '2026-03-04' }])).toBe('No open deadline counts from a trigger');
  });

  it('a hearing set after the filing makes the item due again, with a deadline counted back from the hearing', () => {
    const filed = play(filing(), [{ type: 'filed', at: '2026-03-12' }]);
    const s = play(filed, [{ type: 'hearing_set', at: '2026-03-13', hearingAt: '2026-04-20', days: 7 }]);
    expect(s.item.phase).toBe('due');
    // 7 days before Mon 04-20: Mon 04-13.
    expect(openDue(s)).toEqual(['frcp6.days 2026-04-13']);
    const reply = play(play(filed, [{ type: 'opposition_served', at: '2026-03-16' }]), [{ type: 'hearing_set', at: '2026-03-17', hearingAt: '2026-04-20', days: 7 }]);
    expect(reply.item.phase).toBe('due');
  });
});

describe('a 24-hour notice whose window closed', () => {
  it('a motion after the window closed is recorded, the missed window left as missed', () => {
    const notice = build('disclosure_notice', { receivedAt: '2026-03-09T10:00:00-04:00', summary: 'Intent to share' });
    const closed = passed(notice, '2026-03-10T15:00:00Z');
    expect(closed.item.phase).toBe('window_closed');
    const filed = play(closed, [{ type: 'emergency_motion_filed', at: '2026-03-10T12:00:00-04:00' }]);
    expect(filed.item.phase).toBe('motion_filed');
    expect(filed.deadlines.map((d) => d.status)).toEqual(['missed']);
  });
});
