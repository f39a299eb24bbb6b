/**
 * Phases a lawyer would name, per kind of item, with the words shown to people. The workflow
 * definition mirrors these; the labels are what the tracking page and the dashboard print.
 */
import type { ItemKind } from './model';

export const RECORD_REQUEST_PHASES = {
  awaiting_response: 'Awaiting the agency’s response',
  tolled: 'Clock paused: the agency is waiting for the requester',
  extended: 'Response deadline extended (unusual circumstances)',
  determination_received: 'Determination received',
  appeal_window: 'Appeal window open',
  appeal_pending: 'Administrative appeal pending',
  exhausted: 'Administrative remedies exhausted: the requester may sue',
  closed: 'Closed',
} as const;

export type RecordRequestPhase = keyof typeof RECORD_REQUEST_PHASES;

export const INITIAL_PHASE: Record<ItemKind, string> = {
  foia: 'awaiting_response',
  privacy_act: 'awaiting_response',
  record_production: 'awaiting_production',
  filing: 'due',
  disclosure_notice: 'window_open',
};

export const PRODUCTION_PHASES = {
  awaiting_production: 'Awaiting production',
  produced: 'Produced',
  objections_window: 'Objections due',
  objections_filed: 'Objections filed',
  awaiting_supplement: 'Supplement ordered',
  closed: 'Closed',
} as const;

export const FILING_PHASES = {
  due: 'Due',
  filed: 'Filed',
  reply_due: 'Reply due',
  closed: 'Closed',
} as const;

export const NOTICE_PHASES = {
  window_open: 'Notice window open: act before it closes',
  motion_filed: 'Emergency motion filed',
  window_closed: 'Notice window closed',
  closed: 'Closed',
} as const;

const OTHER_PHASES: Record<string, string> = { ...PRODUCTION_PHASES, ...FILING_PHASES, ...NOTICE_PHASES, litigation: 'In litigation' };

export function phaseLabel(phase: string): string {
  return (RECORD_REQUEST_PHASES as Record<string, string>)[phase] ?? OTHER_PHASES[phase] ?? phase;
}

/** Labels for event types, as the public tracking page and the timeline print them. */
export const EVENT_LABELS: Record<string, string> = {
  submitted: 'Request submitted through Docketwatch',
  received: 'Received by the agency',
  acknowledged: 'Acknowledged by the agency',
  determination: 'Determination issued',
  records_released: 'Records released',
  appeal_filed: 'Administrative appeal filed',
  appeal_decided: 'Appeal decided',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

export const DEADLINE_LABELS: Record<string, string> = {
  'foia.response': 'Agency response due',
  'foia.response+unusual': 'Agency response due (extended)',
  'foia.expedite_decision': 'Decision on expedited processing due',
  'foia.appeal_window': 'Last day to file an administrative appeal',
  'foia.appeal_decision': 'Appeal decision due',
  'frcp6.hours': 'Notice window closes',
  'lcvr7n.certified_list': 'Certified list of the administrative record due',
  'lcvr7b.opposition': 'Opposition due',
  'lcvr7d.reply': 'Reply due',
  'lcvr65.1.pi_opposition': 'Opposition to the preliminary-injunction motion due',
  'frcp12a2.answer_us': 'Answer due',
  'frap4.appeal_us': 'Notice of appeal due',
  'court_order.fixed': 'Due under the court’s order',
  'frcp6.days': 'Due (FRCP 6(a) period)',
  'frcp6.days+mail': 'Due (FRCP 6(a) period, +3 days for mail service)',
};

export const EVENT_LABELS_TEAM: Record<string, string> = {
  info_request_sent: 'Agency asked the requester for information (clock tolled)',
  info_response_received: 'Requester’s answer received by the agency (clock resumes)',
  fee_clarification_sent: 'Agency asked for fee clarification (clock tolled)',
  fee_clarification_received: 'Fee clarification received (clock resumes)',
  extension_notice: 'Agency extended the deadline (unusual circumstances)',
  expedite_decided: 'Expedited processing decided',
  lawsuit_filed: 'Lawsuit filed',
  deadline_missed: 'Deadline passed unmet',
  produced: 'Produced',
  objection_filed: 'Objections filed',
  supplement_ordered: 'Supplement ordered',
  extension_granted: 'Extension granted',
  filed: 'Filed',
  vacated: 'Vacated',
  trigger_changed: 'Trigger date changed',
  opposition_served: 'Opposition served on the team',
  hearing_set: 'Hearing set',
  emergency_motion_filed: 'Emergency motion filed',
  disclosure_occurred: 'Disclosure occurred',
  created: 'Created',
};
/** The ASL state of each phase: `${family}.${phase}` as the workflow's Choice routes on it. */
export const PHASE_STATES: Record<string, string> = {
  'request.awaiting_response': "Request: awaiting the agency's response",
  'request.tolled': "Request: clock tolled, agency waiting on the requester",
  'request.extended': "Request: response deadline extended",
  'request.determination_received': "Request: determination received",
  'request.appeal_window': "Request: appeal window open",
  'request.appeal_pending': "Request: administrative appeal pending",
  'request.exhausted': "Request: remedies exhausted, requester may sue",
  'production.awaiting_production': "Production: awaiting production",
  'production.produced': "Production: produced",
  'production.objections_window': "Production: objections due",
  'production.objections_filed': "Production: objections filed",
  'production.awaiting_supplement': "Production: supplement ordered",
  'filing.due': "Filing: due",
  'filing.filed': "Filing: filed",
  'filing.reply_due': "Filing: reply due",
  'notice.window_open': "Notice: 24-hour window open",
  'notice.motion_filed': "Notice: emergency motion filed",
  'notice.window_closed': "Notice: window closed",
};

const FAMILY: Record<ItemKind, string> = {
  foia: 'request',
  privacy_act: 'request',
  record_production: 'production',
  filing: 'filing',
  disclosure_notice: 'notice',
};

/** The key the workflow's phase Choice routes on. */
export function phaseState(kind: ItemKind, phase: string): string {
  return `${FAMILY[kind]}.${phase}`;
}
