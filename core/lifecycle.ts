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

const OTHER_PHASES: Record<string, string> = {
  awaiting_production: 'Awaiting production',
  due: 'Due',
  window_open: 'Notice window open',
};

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
};
