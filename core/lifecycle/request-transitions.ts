/**
 * What each event does to a FOIA or Privacy Act request: the phase it enters and the statutory
 * clocks it starts, stops, moves or meets (5 U.S.C. 552(a)(6)).
 */
import type { Deadline, FoiaClock } from '../model';
import { dateIn } from '../time';
import { isIsoDate } from '../validate';
import { agencyParam, RESPONSE, type Draft } from './draft';

export function recordRequestTransition(d: Draft): void {
  const { ev, item } = d;
  const clock: FoiaClock = item.foia ?? { receivedAt: item.receivedAt, tolling: [] };
  const waiting = ['awaiting_response', 'extended'];
  switch (ev.type) {
    case 'received': {
      // Receipt by the component that processes the request starts the clock; the first receipt
      // by any designated component caps the start at 10 working days (552(a)(6)(A)(ii)).
      d.allow(['awaiting_response'], 'The clock can only be re-based before tolling, an extension or a determination');
      if (clock.tolling.length || clock.extensionWorkingDays) d.reject('The clock was already tolled or extended; record receipt first');
      const next: FoiaClock = { ...clock, receivedAt: ev.at, firstReceivedByDesignatedComponent: clock.firstReceivedByDesignatedComponent ?? item.receivedAt };
      if (isBefore(ev.at, item.receivedAt)) d.reject('Receipt cannot come before the request was submitted');
      d.patch.foia = next;
      d.recomputeResponse(next);
      return;
    }
    case 'acknowledged':
      return;
    case 'info_request_sent':
    case 'fee_clarification_sent': {
      d.allow(waiting, 'The agency can only toll the clock while it is waiting on its response');
      const type = ev.type === 'info_request_sent' ? 'information_request' : 'fee_clarification';
      const earlierInfo = clock.tolling.some((t) => t.type === 'information_request');
      // One information-request toll only (552(a)(6)(A)(ii)(I)): a second is recorded but does not stop the clock.
      if (type === 'information_request' && earlierInfo) {
        d.note = 'A second request for information does not toll the clock (5 U.S.C. 552(a)(6)(A)(ii)(I)); recorded, clock not stopped';
        return;
      }
      d.patch.foia = { ...clock, tolling: [...clock.tolling, { type, agency_request_sent: ev.at }] };
      d.patch.phase = 'tolled';
      // Stopped clock: the response deadline has no date until the answer arrives.
      const open = d.open(RESPONSE);
      if (open) d.supersede(open);
      return;
    }
    case 'info_response_received':
    case 'fee_clarification_received': {
      d.allow(['tolled'], 'The clock is not tolled');
      const type = ev.type === 'info_response_received' ? 'information_request' : 'fee_clarification';
      const last = clock.tolling.at(-1);
      if (!last || last.requester_response_received || last.type !== type) d.reject(`The open toll is not a ${type.replace('_', ' ')}`);
      const tolling = [...clock.tolling.slice(0, -1), { ...last!, requester_response_received: ev.at }];
      const next = { ...clock, tolling };
      d.patch.foia = next;
      d.patch.phase = clock.extensionWorkingDays ? 'extended' : 'awaiting_response';
      d.recomputeResponse(next, lastSuperseded(d, RESPONSE));
      return;
    }
    case 'extension_notice': {
      d.allow(waiting, 'An extension can only be announced while the agency’s response is pending');
      const total = (clock.extensionWorkingDays ?? 0) + Number(ev.data.workingDays);
      if (total > 10) d.reject(`Unusual circumstances allow at most 10 extra working days in all (this would make ${total})`);
      const next = { ...clock, extensionWorkingDays: total };
      d.patch.foia = next;
      d.patch.phase = 'extended';
      d.recomputeResponse(next);
      return;
    }
    case 'expedite_decided': {
      const open = d.open('foia.expedite_decision');
      if (!open && !d.deadlines.some((x) => x.rule === 'foia.expedite_decision')) d.reject('Expedited processing was not requested');
      if (open) d.meet(open);
      return;
    }
    case 'determination': {
      d.allow([...waiting, 'tolled', 'exhausted'], 'A determination was already recorded');
      const response = d.open(RESPONSE);
      if (response) d.meet(response);
      const outcome = String(ev.data.outcome);
      d.patch.foia = { ...clock, outcome };
      if (outcome === 'full_grant') {
        d.patch.phase = 'determination_received';
      } else {
        // Adverse: the requester may appeal within 90 days (552(a)(6)(A)(i)(III)(aa)).
        d.patch.phase = 'appeal_window';
        d.add({ rule: 'foia.appeal_window', trigger: ev.at, params: agencyParam(item) });
      }
      return;
    }
    case 'records_released': {
      d.allow(['determination_received', 'appeal_window', 'appeal_pending', 'exhausted', ...waiting], 'Records cannot be released in this phase');
      if (ev.data.final && item.phase === 'determination_received') d.close('closed');
      return;
    }
    case 'appeal_filed': {
      d.allow(['appeal_window'], 'An appeal needs an adverse determination first');
      const window = d.open('foia.appeal_window');
      if (window) d.meet(window);
      else d.note = 'Filed after the appeal window closed';
      d.patch.phase = 'appeal_pending';
      d.add({ rule: 'foia.appeal_decision', trigger: ev.at, params: agencyParam(item) });
      return;
    }
    case 'appeal_decided': {
      d.allow(['appeal_pending', 'exhausted'], 'No appeal is pending');
      const decision = d.open('foia.appeal_decision');
      if (decision) d.meet(decision);
      const outcome = String(ev.data.outcome);
      // A denied appeal exhausts administrative remedies: the requester may sue (552(a)(4)(B)).
      d.patch.phase = outcome === 'denied' || outcome === 'partially_granted' ? 'exhausted' : 'determination_received';
      return;
    }
    case 'lawsuit_filed':
      d.close('litigation');
      return;
    case 'withdrawn':
    case 'closed':
      d.close('closed');
      return;
  }
}

/** The response deadline superseded when the toll began: the recomputed one points back at it. */
function lastSuperseded(d: Draft, rulePrefix: string): Deadline | undefined {
  return d.deadlines.filter((x) => x.rule.startsWith(rulePrefix) && x.status === 'superseded' && !x.supersededBy).at(-1);
}

/** A bare date is that whole day at the court: it comes before the submission only as an earlier day. */
function isBefore(at: string, submitted: string): boolean {
  if (isIsoDate(at) || isIsoDate(submitted)) return courtDate(at) < courtDate(submitted);
  return Date.parse(at) < Date.parse(submitted);
}

const courtDate = (at: string) => (isIsoDate(at) ? at : dateIn(new Date(at)));

