/**
 * The phase table: every phase of every family of tracked item, in one place. Each row gives
 * the words people read, the state the workflow waits in, and what it waits for there. The
 * state machine's phase Choice and wait states are generated from these rows
 * (`state-machine.ts`), so adding a phase is one row here plus its transitions.
 */
import type { ItemKind } from '../model';

export type Family = 'request' | 'production' | 'filing' | 'notice';

export interface Phase {
  family: Family;
  phase: string;
  /** What the tracking page and the dashboard print. */
  label: string;
  /** The workflow's wait state for this phase; terminal phases have none (the run ends). */
  state?: string;
  /** What the execution waits for in this phase (the wait state's comment). */
  waitsFor?: string;
}

const EVENTS_OR_DEADLINE = 'the next event or the next deadline, whichever comes first';

export const PHASES: readonly Phase[] = [
  { family: 'request', phase: 'awaiting_response', label: 'Awaiting the agency’s response', state: "Request: awaiting the agency's response", waitsFor: `the agency's letters or its response deadline: ${EVENTS_OR_DEADLINE}` },
  { family: 'request', phase: 'tolled', label: 'Clock paused: the agency is waiting for the requester', state: 'Request: clock tolled, agency waiting on the requester', waitsFor: "the requester's answer that restarts the clock (no deadline runs meanwhile)" },
  { family: 'request', phase: 'extended', label: 'Response deadline extended (unusual circumstances)', state: 'Request: response deadline extended', waitsFor: `the determination or the extended response deadline: ${EVENTS_OR_DEADLINE}` },
  { family: 'request', phase: 'determination_received', label: 'Determination received', state: 'Request: determination received', waitsFor: 'the release of records or the item being closed' },
  { family: 'request', phase: 'appeal_window', label: 'Appeal window open', state: 'Request: appeal window open', waitsFor: `an administrative appeal or the end of the appeal window: ${EVENTS_OR_DEADLINE}` },
  { family: 'request', phase: 'appeal_pending', label: 'Administrative appeal pending', state: 'Request: administrative appeal pending', waitsFor: `the appeal decision or its deadline: ${EVENTS_OR_DEADLINE}` },
  { family: 'request', phase: 'exhausted', label: 'Administrative remedies exhausted: the requester may sue', state: 'Request: remedies exhausted, requester may sue', waitsFor: 'a late determination, a lawsuit or the item being closed' },
  { family: 'request', phase: 'closed', label: 'Closed' },
  { family: 'request', phase: 'litigation', label: 'In litigation' },
  { family: 'production', phase: 'awaiting_production', label: 'Awaiting production', state: 'Production: awaiting production', waitsFor: `the production or its due date: ${EVENTS_OR_DEADLINE}` },
  { family: 'production', phase: 'produced', label: 'Produced', state: 'Production: produced', waitsFor: 'objections, a supplement order or the item being closed' },
  { family: 'production', phase: 'objections_window', label: 'Objections due', state: 'Production: objections due', waitsFor: `objections or the end of their window: ${EVENTS_OR_DEADLINE}` },
  { family: 'production', phase: 'objections_filed', label: 'Objections filed', state: 'Production: objections filed', waitsFor: 'a supplement order or the item being closed' },
  { family: 'production', phase: 'awaiting_supplement', label: 'Supplement ordered', state: 'Production: supplement ordered', waitsFor: `the supplement or its due date: ${EVENTS_OR_DEADLINE}` },
  { family: 'production', phase: 'closed', label: 'Closed' },
  { family: 'filing', phase: 'due', label: 'Due', state: 'Filing: due', waitsFor: `the filing, an extension or the due date: ${EVENTS_OR_DEADLINE}` },
  { family: 'filing', phase: 'filed', label: 'Filed', state: 'Filing: filed', waitsFor: 'service of an opposition (the reply clock) or the item being closed' },
  { family: 'filing', phase: 'reply_due', label: 'Reply due', state: 'Filing: reply due', waitsFor: `the reply or its due date: ${EVENTS_OR_DEADLINE}` },
  { family: 'filing', phase: 'closed', label: 'Closed' },
  { family: 'notice', phase: 'window_open', label: 'Notice window open: act before it closes', state: 'Notice: 24-hour window open', waitsFor: `an emergency motion or the window's end: ${EVENTS_OR_DEADLINE}` },
  { family: 'notice', phase: 'motion_filed', label: 'Emergency motion filed', state: 'Notice: emergency motion filed', waitsFor: 'the disclosure, a withdrawal or the item being closed' },
  { family: 'notice', phase: 'window_closed', label: 'Notice window closed', state: 'Notice: window closed', waitsFor: 'a late motion, the disclosure or the item being closed' },
  { family: 'notice', phase: 'closed', label: 'Closed' },
];

export const FAMILY: Readonly<Record<ItemKind, Family>> = {
  foia: 'request',
  privacy_act: 'request',
  record_production: 'production',
  filing: 'filing',
  disclosure_notice: 'notice',
};

export const INITIAL_PHASE: Readonly<Record<ItemKind, string>> = {
  foia: 'awaiting_response',
  privacy_act: 'awaiting_response',
  record_production: 'awaiting_production',
  filing: 'due',
  disclosure_notice: 'window_open',
};

/** A family's phases with their words: every phase with a wait state, and `closed`. */
function familyPhases(family: Family): Record<string, string> {
  return Object.fromEntries(PHASES.filter((p) => p.family === family && (p.state || p.phase === 'closed')).map((p) => [p.phase, p.label]));
}

export const RECORD_REQUEST_PHASES = familyPhases('request');
export const PRODUCTION_PHASES = familyPhases('production');
export const FILING_PHASES = familyPhases('filing');
export const NOTICE_PHASES = familyPhases('notice');

/** The wait state of each phase, keyed `${family}.${phase}` as the workflow's Choice routes on it. */
export const PHASE_STATES: Readonly<Record<string, string>> = Object.fromEntries(
  PHASES.filter((p) => p.state).map((p) => [`${p.family}.${p.phase}`, p.state!]),
);

/** The key the workflow's phase Choice routes on. */
export function phaseState(kind: ItemKind, phase: string): string {
  return `${FAMILY[kind]}.${phase}`;
}

const LABELS = new Map<string, string>();
for (const p of PHASES) if (!LABELS.has(p.phase)) LABELS.set(p.phase, p.label);

export function phaseLabel(phase: string): string {
  return LABELS.get(phase) ?? phase;
}
