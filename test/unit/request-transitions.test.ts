/**
 * What each event does to a FOIA request, event by event: the phase it enters, the clocks it
 * starts, stops, moves or meets, and what it refuses. Every due date is counted here by hand
 * from 5 U.S.C. 552(a)(6): 20 working days (no Saturdays, Sundays or legal public holidays)
 * after day 0; no federal holiday falls between March and the end of May 2026 but Memorial Day
 * (Mon 05-25).
 */
import { describe, expect, it } from 'vitest';
import { validateIntake } from '../../core/intake';
import { newRecordRequest } from '../../core/items';
import type { Deadline, Matter, TrackedItem } from '../../core/model';
import { applyEvent, parseEvent } from '../../core/lifecycle';
import { refusalOf } from '../support/lifecycle';
import { validIntake } from '../support/fixtures';

const matter: Matter = { id: 'm', name: 'M', timeZone: 'America/New_York', team: [{ id: 'p1', name: 'P', email: 'p@example.org', role: 'x' }], createdAt: '2026-01-01T00:00:00Z' };
const now = new Date('2026-12-01T00:00:00Z');
let n = 0;
const ids = () => `R${String(++n).padStart(25, '0')}`;

interface State {
  item: TrackedItem;
  deadlines: Deadline[];
  notes: (string | undefined)[];
  publicFlags: boolean[];
}

/** A request submitted Monday 2026-03-02 at 10:00 in Washington: its response is due Monday 03-30. */
function request(overrides: Record<string, unknown> = {}): State {
  const input = validateIntake(validIntake({ receivedAt: '2026-03-02T15:00:00Z', ...overrides }), { team: true, now });
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  const built = newRecordRequest(input.value, { id: `ITEM${++n}`, now: new Date('2026-03-02T15:00:00Z'), createdBy: 'p1', matter, newDeadlineId: ids });
  return { item: built.item, deadlines: built.deadlines, notes: [], publicFlags: [] };
}

/** Applies events in order, merging the changed deadlines as the store commits them. */
function play(start: State, events: Record<string, unknown>[]): State {
  let s = start;
  for (const body of events) {
    const c = applyEvent(s.item, s.deadlines, parseEvent(s.item.kind, body, now), { now, recordedBy: 'p1', newDeadlineId: ids });
    const merged = new Map(s.deadlines.map((d) => [d.id, d]));
    for (const d of c.deadlines) merged.set(d.id, d);
    const ev = c.events.at(-1)!;
    s = { item: c.item, deadlines: [...merged.values()], notes: [...s.notes, ev.data.note as string | undefined], publicFlags: [...s.publicFlags, ev.public] };
  }
  return s;
}

const refusal = (start: State, events: Record<string, unknown>[]) => refusalOf(() => play(start, events));

const openOnes = (s: State) => s.deadlines.filter((d) => d.status === 'open').map((d) => `${d.rule} ${d.due}`).sort();
const statusOf = (s: State, id: string) => s.deadlines.find((d) => d.id === id)!.status;
const theOpen = (s: State, rule: string) => {
  const found = s.deadlines.filter((d) => d.status === 'open' && d.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the start: a request and its receipt by the processing component', () => {
  it('a new request waits on a response due 20 working days after submission', () => {
    const s = request();
    expect(s.item.phase).toBe('awaiting_response');
    expect(openOnes(s)).toEqual(['foia.response 2026-03-30']);
  });

  it('receipt by the processing component re-bases the clock, capped ten working days after the first receipt', () => {
    const s = request();
    const original = s.deadlines[0]!;
    // Received Mon 03-09: the cap (ten working days after 03-02, Mon 03-16) is later, so day 0 is 03-09.
    const received = play(s, [{ type: 'received', at: '2026-03-09', byComponent: 'FOIA office' }]);
    const d = theOpen(received, 'foia.response');
    expect(d.due).toBe('2026-04-06');
    expect(d.trigger).toBe('2026-03-09');
    expect(d.params.first_received_by_designated_component).toBe('2026-03-02T15:00:00Z');
    expect(d.supersedes).toBe(original.id);
    expect(statusOf(received, original.id)).toBe('superseded');
    expect(received.item.phase).toBe('awaiting_response');
    expect(received.item.foia?.receivedAt).toBe('2026-03-09');
    expect(received.publicFlags).toEqual([true]);
    // Received Fri 03-20, after the cap: day 0 is the cap, 03-16, and the response is due 04-13.
    const late = play(received, [{ type: 'received', at: '2026-03-20' }]);
    expect(openOnes(late)).toEqual(['foia.response 2026-04-13']);
  });

  it('receipt on the day of submission is accepted, as a date or at the very moment; before it, refused', () => {
    expect(openOnes(play(request(), [{ type: 'received', at: '2026-03-02T15:00:00Z' }]))).toEqual(['foia.response 2026-03-30']);
    // A bare date is that day at the court, not a moment before the 10:00 submission.
    expect(openOnes(play(request(), [{ type: 'received', at: '2026-03-02' }]))).toEqual(['foia.response 2026-03-30']);
    // 22:00 in Washington on 03-01 is 03-02 in UTC, but the day before at the court.
    expect(refusal(request({ receivedAt: '2026-03-02' }), [{ type: 'received', at: '2026-03-01T22:00:00-05:00' }])).toBe('Receipt cannot come before the request was submitted');
    expect(openOnes(play(request({ receivedAt: '2026-03-02' }), [{ type: 'received', at: '2026-03-02T00:30:00-05:00' }]))).toEqual(['foia.response 2026-03-30']);
    expect(refusal(request(), [{ type: 'received', at: '2026-03-02T14:59:59Z' }])).toBe('Receipt cannot come before the request was submitted');
    expect(refusal(request(), [{ type: 'received', at: '2026-03-01' }])).toBe('Receipt cannot come before the request was submitted');
  });

  it('receipt cannot be recorded once the clock was tolled, stopped or extended', () => {
    const answered = [{ type: 'fee_clarification_sent', at: '2026-03-04' }, { type: 'fee_clarification_received', at: '2026-03-05' }];
    expect(refusal(request(), [...answered, { type: 'received', at: '2026-03-06' }])).toBe('The clock was already tolled or extended; record receipt first');
    const onlyBefore = 'The clock can only be re-based before tolling, an extension or a determination';
    expect(refusal(request(), [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'received', at: '2026-03-05' }])).toBe(onlyBefore);
    expect(refusal(request(), [{ type: 'extension_notice', at: '2026-03-04', workingDays: 5 }, { type: 'received', at: '2026-03-05' }])).toBe(onlyBefore);
  });

  it('an acknowledgement changes no clock and no phase', () => {
    const s = request();
    const ack = play(s, [{ type: 'acknowledged', at: '2026-03-03', trackingNumber: '2026-FOIA-1' }]);
    expect(ack.item.phase).toBe('awaiting_response');
    expect(ack.item.foia).toEqual(s.item.foia);
    expect(ack.deadlines).toEqual(s.deadlines);
    expect(ack.publicFlags).toEqual([true]);
  });
});

describe('tolling: 552(a)(6)(A)(ii)(I)-(II)', () => {
  it('a request for information stops the clock; the answer restarts it, the days between not counted', () => {
    const s = request();
    const original = s.deadlines[0]!;
    const stopped = play(s, [{ type: 'info_request_sent', at: '2026-03-04' }]);
    expect(stopped.item.phase).toBe('tolled');
    expect(stopped.item.foia?.tolling).toEqual([{ type: 'information_request', agency_request_sent: '2026-03-04' }]);
    // Stopped: no date until the answer arrives.
    expect(openOnes(stopped)).toEqual([]);
    expect(statusOf(stopped, original.id)).toBe('superseded');
    // Answered Mon 03-09: 03-05, 03-06 and 03-09 do not count, so the 20th working day is Thu 04-02.
    const restarted = play(stopped, [{ type: 'info_response_received', at: '2026-03-09' }]);
    expect(restarted.item.phase).toBe('awaiting_response');
    const d = theOpen(restarted, 'foia.response');
    expect(d.due).toBe('2026-04-02');
    expect(d.supersedes).toBe(original.id);
    expect(d.params.tolling).toEqual([{ type: 'information_request', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-09' }]);
  });

  it('a fee clarification tolls with its own type, even after the one information request', () => {
    const s = play(request(), [
      { type: 'info_request_sent', at: '2026-03-04' },
      { type: 'info_response_received', at: '2026-03-05' },
      { type: 'fee_clarification_sent', at: '2026-03-10' },
    ]);
    expect(s.item.phase).toBe('tolled');
    expect(s.item.foia?.tolling.map((t) => t.type)).toEqual(['information_request', 'fee_clarification']);
    expect(s.notes).toEqual([undefined, undefined, undefined]);
    // Answered Thu 03-12: 03-05 (first toll) and 03-11, 03-12 do not count: due Fri 04-02.
    const answered = play(s, [{ type: 'fee_clarification_received', at: '2026-03-12' }]);
    expect(openOnes(answered)).toEqual(['foia.response 2026-04-02']);
  });

  it('a fee clarification first, then the one information request, still tolls', () => {
    const s = play(request(), [
      { type: 'fee_clarification_sent', at: '2026-03-04' },
      { type: 'fee_clarification_received', at: '2026-03-05' },
      { type: 'info_request_sent', at: '2026-03-10' },
    ]);
    expect(s.item.phase).toBe('tolled');
    expect(s.item.foia?.tolling.map((t) => t.type)).toEqual(['fee_clarification', 'information_request']);
  });

  it('each recomputed response points back at the one its toll stopped', () => {
    const three = play(request(), [
      { type: 'fee_clarification_sent', at: '2026-03-03' },
      { type: 'fee_clarification_received', at: '2026-03-04' },
      { type: 'fee_clarification_sent', at: '2026-03-05' },
      { type: 'fee_clarification_received', at: '2026-03-06' },
      { type: 'fee_clarification_sent', at: '2026-03-09' },
    ]);
    const stoppedLast = three.deadlines.filter((d) => d.status === 'superseded' && !d.supersededBy).at(-1)!;
    const answered = play(three, [{ type: 'fee_clarification_received', at: '2026-03-10' }]);
    // Tolled: 03-04, 03-06 and 03-10 (the day each answer arrived); due three working days late, Thu 04-02.
    const d = theOpen(answered, 'foia.response');
    expect(d.due).toBe('2026-04-02');
    expect(d.supersedes).toBe(stoppedLast.id);
    expect(d.params.tolling).toHaveLength(3);
  });

  it('after a re-based receipt, the answer points back at the deadline the toll stopped, not the one the receipt replaced', () => {
    const s = play(request(), [{ type: 'received', at: '2026-03-03' }]);
    const rebased = theOpen(s, 'foia.response');
    const answered = play(s, [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'info_response_received', at: '2026-03-05' }]);
    expect(theOpen(answered, 'foia.response').supersedes).toBe(rebased.id);
  });

  it('with expedited processing asked too, the answer points back at the response, not the expedite decision', () => {
    const s = request({ expedited: { requested: true, justification: 'Urgency to inform the public.' } });
    const response = theOpen(s, 'foia.response');
    const answered = play(s, [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'info_response_received', at: '2026-03-05' }]);
    expect(theOpen(answered, 'foia.response').supersedes).toBe(response.id);
    expect(openOnes(answered)).toEqual(['foia.expedite_decision 2026-03-12', 'foia.response 2026-03-31']);
  });

  it('tolling during an extension: the clock restarts as extended, under the unusual-circumstances rule', () => {
    const s = play(request(), [{ type: 'extension_notice', at: '2026-03-03', workingDays: 5 }]);
    const extended = theOpen(s, 'foia.response+unusual');
    const stopped = play(s, [{ type: 'info_request_sent', at: '2026-03-04' }]);
    expect(stopped.item.phase).toBe('tolled');
    expect(statusOf(stopped, extended.id)).toBe('superseded');
    const restarted = play(stopped, [{ type: 'info_response_received', at: '2026-03-05' }]);
    expect(restarted.item.phase).toBe('extended');
    // 25 working days after 03-02 is Mon 04-06; the toll takes 03-05 out: Tue 04-07.
    const d = theOpen(restarted, 'foia.response+unusual');
    expect(d.due).toBe('2026-04-07');
    expect(d.supersedes).toBe(extended.id);
    expect(d.params.extension_working_days).toBe(5);
  });

  it('refuses a toll while already tolled, an answer with no toll open, and an answer of the other kind', () => {
    expect(refusal(request(), [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'fee_clarification_sent', at: '2026-03-05' }])).toBe('The agency can only toll the clock while it is waiting on its response');
    expect(refusal(request(), [{ type: 'info_response_received', at: '2026-03-05' }])).toBe('The clock is not tolled');
    expect(refusal(request(), [{ type: 'fee_clarification_sent', at: '2026-03-04' }, { type: 'info_response_received', at: '2026-03-05' }])).toBe('The open toll is not a information request');
    expect(refusal(request(), [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'fee_clarification_received', at: '2026-03-05' }])).toBe('The open toll is not a fee clarification');
  });
});

describe('extensions: 552(a)(6)(B)(i)', () => {
  it('adds working days by written notice, up to ten in all', () => {
    const four = play(request(), [{ type: 'extension_notice', at: '2026-03-05', workingDays: 4 }]);
    expect(four.item.phase).toBe('extended');
    expect(four.item.foia?.extensionWorkingDays).toBe(4);
    // 24 working days after 03-02: Fri 04-03.
    const first = theOpen(four, 'foia.response+unusual');
    expect(first.due).toBe('2026-04-03');
    expect(first.params.extension_working_days).toBe(4);
    // Six more make ten: 30 working days after 03-02, Mon 04-13.
    const ten = play(four, [{ type: 'extension_notice', at: '2026-03-06', workingDays: 6 }]);
    expect(ten.item.foia?.extensionWorkingDays).toBe(10);
    expect(openOnes(ten)).toEqual(['foia.response+unusual 2026-04-13']);
    expect(theOpen(ten, 'foia.response+unusual').supersedes).toBe(first.id);
    expect(refusal(ten, [{ type: 'extension_notice', at: '2026-03-09', workingDays: 1 }])).toBe('Unusual circumstances allow at most 10 extra working days in all (this would make 11)');
  });

  it('ten days at once are allowed; not while the clock is stopped', () => {
    expect(openOnes(play(request(), [{ type: 'extension_notice', at: '2026-03-05', workingDays: 10 }]))).toEqual(['foia.response+unusual 2026-04-13']);
    expect(refusal(request(), [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'extension_notice', at: '2026-03-05', workingDays: 2 }])).toBe('An extension can only be announced while the agency’s response is pending');
  });
});

describe('expedited processing: 552(a)(6)(E)(ii)(I)', () => {
  const expedited = () => request({ expedited: { requested: true, justification: 'Urgency to inform the public.' } });

  it('the decision, due ten days after the request, is met when recorded; a second decision changes nothing', () => {
    const s = expedited();
    expect(openOnes(s)).toEqual(['foia.expedite_decision 2026-03-12', 'foia.response 2026-03-30']);
    const decided = play(s, [{ type: 'expedite_decided', at: '2026-03-06', granted: true }]);
    expect(openOnes(decided)).toEqual(['foia.response 2026-03-30']);
    expect(decided.deadlines.find((d) => d.rule === 'foia.expedite_decision')!.status).toBe('met');
    expect(decided.item.phase).toBe('awaiting_response');
    const again = play(decided, [{ type: 'expedite_decided', at: '2026-03-09', granted: false }]);
    expect(again.deadlines).toEqual(decided.deadlines);
  });

  it('refused when expedited processing was never requested', () => {
    expect(refusal(request(), [{ type: 'expedite_decided', at: '2026-03-06', granted: true }])).toBe('Expedited processing was not requested');
  });
});

describe('determination, release, appeal, exhaustion', () => {
  it('a full grant meets the response and closes on the final release', () => {
    const s = request();
    const granted = play(s, [{ type: 'determination', at: '2026-03-20', outcome: 'full_grant' }]);
    expect(granted.item.phase).toBe('determination_received');
    expect(granted.item.foia?.outcome).toBe('full_grant');
    expect(statusOf(granted, s.deadlines[0]!.id)).toBe('met');
    expect(openOnes(granted)).toEqual([]);
    const partly = play(granted, [{ type: 'records_released', at: '2026-03-23', final: false }]);
    expect(partly.item.status).toBe('open');
    expect(partly.item.phase).toBe('determination_received');
    const done = play(partly, [{ type: 'records_released', at: '2026-03-24', final: true }]);
    expect([done.item.status, done.item.phase]).toEqual(['closed', 'closed']);
  });

  it('records released while the response is pending leave the request open, even when final', () => {
    const s = play(request(), [{ type: 'records_released', at: '2026-03-10', final: true }]);
    expect([s.item.status, s.item.phase]).toEqual(['open', 'awaiting_response']);
    expect(openOnes(s)).toEqual(['foia.response 2026-03-30']);
  });

  it('records cannot be released while the clock is stopped', () => {
    expect(refusal(request(), [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'records_released', at: '2026-03-05', final: false }])).toBe('Records cannot be released in this phase');
  });

  it('an adverse determination opens a 90-day appeal window; a final release then does not close the request', () => {
    const s = request();
    const denied = play(s, [{ type: 'determination', at: '2026-03-20', outcome: 'denial' }]);
    expect(denied.item.phase).toBe('appeal_window');
    expect(statusOf(denied, s.deadlines[0]!.id)).toBe('met');
    // 90 calendar days after Fri 03-20: Thu 06-18 (an agency's calendar-day period does not roll).
    const w = theOpen(denied, 'foia.appeal_window');
    expect(w.due).toBe('2026-06-18');
    expect(w.params.agency).toBe('IRS');
    const released = play(denied, [{ type: 'records_released', at: '2026-03-25', final: true }]);
    expect([released.item.status, released.item.phase]).toEqual(['open', 'appeal_window']);
    expect(refusal(denied, [{ type: 'determination', at: '2026-03-21', outcome: 'full_grant' }])).toBe('A determination was already recorded');
  });

  it('a determination while the clock is stopped: nothing open to meet, the window still opens', () => {
    const s = play(request(), [{ type: 'info_request_sent', at: '2026-03-04' }, { type: 'determination', at: '2026-03-20', outcome: 'no_records' }]);
    expect(s.item.phase).toBe('appeal_window');
    expect(openOnes(s)).toEqual(['foia.appeal_window 2026-06-18']);
    expect(s.deadlines.filter((d) => d.status === 'met')).toEqual([]);
  });

  it('an appeal meets the window and starts the 20-working-day decision clock', () => {
    const denied = play(request(), [{ type: 'determination', at: '2026-03-20', outcome: 'partial_grant' }]);
    const window = theOpen(denied, 'foia.appeal_window');
    const appealed = play(denied, [{ type: 'appeal_filed', at: '2026-04-01' }]);
    expect(appealed.item.phase).toBe('appeal_pending');
    expect(statusOf(appealed, window.id)).toBe('met');
    expect(appealed.notes.at(-1)).toBe(undefined);
    // 20 working days after Wed 04-01: Wed 04-29.
    const decision = theOpen(appealed, 'foia.appeal_decision');
    expect(decision.due).toBe('2026-04-29');
    expect(decision.params.agency).toBe('IRS');
    expect(appealed.publicFlags).toEqual([true, true]);
  });

  it('an appeal after the window passed is recorded with a note', () => {
    const denied = play(request(), [{ type: 'determination', at: '2026-03-20', outcome: 'denial' }]);
    const missed: State = { ...denied, deadlines: denied.deadlines.map((d) => (d.rule === 'foia.appeal_window' ? { ...d, status: 'missed' as const } : d)) };
    const late = play(missed, [{ type: 'appeal_filed', at: '2026-06-22' }]);
    expect(late.item.phase).toBe('appeal_pending');
    expect(late.notes.at(-1)).toBe('Filed after the appeal window closed');
    expect(openOnes(late).map((x) => x.split(' ')[0])).toEqual(['foia.appeal_decision']);
  });

  it.each([
    ['denied', 'exhausted'],
    ['partially_granted', 'exhausted'],
    ['granted', 'determination_received'],
    ['remanded', 'determination_received'],
  ])('an appeal %s leaves the request %s, the decision met', (outcome, phase) => {
    const appealed = play(request(), [{ type: 'determination', at: '2026-03-20', outcome: 'denial' }, { type: 'appeal_filed', at: '2026-04-01' }]);
    const decision = theOpen(appealed, 'foia.appeal_decision');
    const decided = play(appealed, [{ type: 'appeal_decided', at: '2026-04-20', outcome }]);
    expect(decided.item.phase).toBe(phase);
    expect(statusOf(decided, decision.id)).toBe('met');
    expect(openOnes(decided)).toEqual([]);
  });

  it('an appeal decision needs a pending appeal; a determination after exhaustion is accepted', () => {
    expect(refusal(request(), [{ type: 'appeal_decided', at: '2026-04-20', outcome: 'denied' }])).toBe('No appeal is pending');
    const exhausted = play(request(), [{ type: 'determination', at: '2026-03-20', outcome: 'denial' }, { type: 'appeal_filed', at: '2026-04-01' }, { type: 'appeal_decided', at: '2026-04-20', outcome: 'denied' }]);
    expect(play(exhausted, [{ type: 'determination', at: '2026-04-21', outcome: 'full_grant' }]).item.phase).toBe('determination_received');
    // A second decision in exhaustion: nothing open to meet.
    expect(play(exhausted, [{ type: 'appeal_decided', at: '2026-04-22', outcome: 'granted' }]).item.phase).toBe('determination_received');
  });
});

describe('the end', () => {
  it('a lawsuit closes the request in litigation, every open clock superseded', () => {
    const s = request({ expedited: { requested: true, justification: 'Urgency to inform the public.' } });
    const sued = play(s, [{ type: 'lawsuit_filed', at: '2026-03-05', caseNumber: '1:26-cv-1' }]);
    expect([sued.item.status, sued.item.phase]).toEqual(['closed', 'litigation']);
    expect(sued.deadlines.map((d) => d.status)).toEqual(['superseded', 'superseded']);
  });

  it.each(['withdrawn', 'closed'])('%s closes the request', (type) => {
    const s = play(request(), [{ type, at: '2026-03-05' }]);
    expect([s.item.status, s.item.phase]).toEqual(['closed', 'closed']);
    expect(openOnes(s)).toEqual([]);
  });
});
