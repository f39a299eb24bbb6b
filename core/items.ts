/**
 * Building tracked items. A new record request gets its phase, its first event and its
 * statutory deadlines from the deadline engine.
 */
import { computeDeadline, type DeadlineRequest } from './deadlines';
import type { Calendar } from './calendar';
import { chainEvent, GENESIS_HASH } from './events';
import type { IntakeInput } from './intake';
import { DEADLINE_LABELS } from './deadlines/labels';
import { INITIAL_PHASE } from './lifecycle/phases';
import type { Deadline, ItemEvent, Matter, TrackedItem } from './model';

export interface NewItemContext {
  id: string;
  now: Date;
  /** Who records it: a team member's id, or `public` for the web form. */
  createdBy: string;
  matter: Matter;
  newDeadlineId: () => string;
  calendar?: Calendar;
}

export interface NewItem {
  item: TrackedItem;
  deadlines: Deadline[];
  event: ItemEvent;
}

export function newRecordRequest(input: IntakeInput, ctx: NewItemContext): NewItem {
  const receivedAt = input.receivedAt ?? ctx.now.toISOString();
  const kindName = input.kind === 'foia' ? 'FOIA' : 'Privacy Act';
  const event = chainEvent(
    { seq: 0, hash: GENESIS_HASH },
    {
      itemId: ctx.id,
      type: 'submitted',
      at: receivedAt,
      recordedAt: ctx.now.toISOString(),
      recordedBy: ctx.createdBy,
      public: true,
      data: { agency: input.agency },
    },
  );
  const item: TrackedItem = {
    id: ctx.id,
    kind: input.kind,
    matterId: ctx.matter.id,
    title: `${kindName} request to ${input.agency}`,
    agency: input.agency,
    phase: INITIAL_PHASE[input.kind],
    status: 'open',
    version: 1,
    receivedAt,
    createdAt: ctx.now.toISOString(),
    createdBy: ctx.createdBy,
    owner: ctx.createdBy,
    watchers: ctx.matter.team.map((p) => p.id),
    request: input.details,
    workflow: { execution: ctx.id, state: 'starting' },
    eventSeq: event.seq,
    lastEventHash: event.hash,
  };

  // A Privacy Act request for one's own records is also processed under FOIA (5 U.S.C.
  // 552a(t)(2)), and the Privacy Act sets no access deadline of its own: the FOIA clock governs.
  const requests: DeadlineRequest[] = [{ rule: 'foia.response', trigger: receivedAt, params: { agency: input.agency } }];
  if (input.details.expedited.requested) {
    requests.push({ rule: 'foia.expedite_decision', trigger: receivedAt, params: { agency: input.agency } });
  }
  const deadlines = requests.map((req) => newDeadline(ctx.id, req, ctx.newDeadlineId(), ctx.calendar));
  return { item, deadlines, event };
}

export function newDeadline(itemId: string, req: DeadlineRequest, id: string, calendar?: Calendar): Deadline {
  const result = computeDeadline(req, calendar);
  return {
    id,
    itemId,
    rule: result.rule.id,
    label: DEADLINE_LABELS[result.rule.id] ?? result.rule.id,
    due: result.due,
    dueInstant: result.dueInstant,
    status: 'open',
    citation: result.rule.citation,
    calendarVersion: result.calendarVersion,
    receipt: result.receipt,
    ...(result.alternative ? { alternative: result.alternative } : {}),
    trigger: req.trigger,
    params: req.params ?? {},
    version: 1,
  };
}

export { nextDeadline } from './next-deadline';
