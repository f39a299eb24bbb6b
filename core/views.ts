/**
 * What each audience may see of an item. The public view is built by listing what to show,
 * never by deleting what not to: a new field stays private until someone adds it here.
 */
import { nextDeadline } from './next-deadline';
import { EVENT_LABELS } from './lifecycle/labels';
import { phaseLabel } from './lifecycle/phases';
import type { Deadline, ItemEvent, TrackedItem } from './model';

export function publicView(item: TrackedItem, deadlines: Deadline[], events: ItemEvent[], trackingCode: string) {
  const next = nextDeadline(deadlines);
  return {
    trackingCode,
    kind: item.kind,
    agency: item.agency,
    phase: item.phase,
    phaseLabel: phaseLabel(item.phase),
    receivedAt: item.receivedAt,
    nextDeadline: next ? { rule: next.rule, label: next.label, due: next.due } : null,
    events: events
      .filter((e) => e.public)
      .map((e) => ({ type: e.type, label: EVENT_LABELS[e.type] ?? e.type, at: e.at })),
  };
}

export function deadlineView(d: Deadline) {
  return {
    id: d.id,
    rule: d.rule,
    label: d.label,
    due: d.due,
    dueInstant: d.dueInstant,
    status: d.status,
    citation: d.citation,
    calendarVersion: d.calendarVersion,
    receipt: d.receipt,
    ...(d.alternative ? { alternative: d.alternative } : {}),
    ...(d.supersedes ? { supersedes: d.supersedes } : {}),
    ...(d.supersededBy ? { supersededBy: d.supersededBy } : {}),
    ...(d.closedAt ? { closedAt: d.closedAt } : {}),
    ...(d.filedLateAt ? { filedLateAt: d.filedLateAt } : {}),
    ...(d.link ? { link: d.link } : {}),
  };
}

export function teamView(item: TrackedItem, deadlines: Deadline[], events: ItemEvent[]) {
  const { workflow, ...rest } = item;
  return {
    ...rest,
    phaseLabel: phaseLabel(item.phase),
    // The task token is a credential for the execution; the team needs only where it stands.
    workflow: { execution: workflow.execution, state: workflow.state },
    deadlines: [...deadlines].sort((a, b) => a.dueInstant.localeCompare(b.dueInstant)).map(deadlineView),
    events: [...events].sort((a, b) => a.seq - b.seq),
  };
}
