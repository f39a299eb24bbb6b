/** Domain types shared by the core, the adapters and the handlers. No AWS imports. */
import type { ReceiptEntry } from './deadlines';

export type RecordRequestKind = 'foia' | 'privacy_act';
export type ItemKind = RecordRequestKind | 'record_production' | 'filing' | 'disclosure_notice';
export type DeadlineStatus = 'open' | 'met' | 'missed' | 'superseded';

export interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface Matter {
  id: string;
  name: string;
  /** Court and docket, e.g. "D.D.C. No. 1:25-cv-00457-CKK"; absent for non-litigation matters. */
  court?: string;
  docket?: string;
  timeZone: string;
  team: Person[];
  createdAt: string;
  /** Reminder ladder for this matter's deadlines; the product default when absent. */
  reminderLadder?: { dayRungs: number[]; hourRungs: number[] };
}

export interface Requester {
  name: string;
  email: string;
  organization?: string;
  address?: string;
  phone?: string;
}

export interface RecordRequestDetails {
  requester: Requester;
  description: string;
  dateRange?: { from?: string; to?: string };
  feeWaiver: { requested: boolean; justification?: string };
  expedited: { requested: boolean; justification?: string };
  feeLimit?: number;
}

export interface WorkflowRef {
  execution: string;
  /** The state the execution last reported: started, waiting, closed, failed. */
  state: string;
  /** Task token of the wait in progress; recording an event sends it back. */
  taskToken?: string;
  /** When the running generation began, on the application's clock (its hand-over counts from here). */
  since?: string;
}

export interface TollPeriod {
  type: 'information_request' | 'fee_clarification';
  agency_request_sent: string;
  /** Absent while the clock is stopped. */
  requester_response_received?: string;
}

export interface FoiaClock {
  /** Receipt by the component that processes the request (the clock's trigger). */
  receivedAt: string;
  /** First receipt by any designated component, when the right one received it later. */
  firstReceivedByDesignatedComponent?: string;
  tolling: TollPeriod[];
  extensionWorkingDays?: number;
  /** The determination's outcome, once made. */
  outcome?: string;
}

export interface TrackedItem {
  id: string;
  kind: ItemKind;
  matterId: string;
  title: string;
  agency?: string;
  phase: string;
  status: 'open' | 'closed';
  /** Optimistic-locking version, bumped by every write. */
  version: number;
  receivedAt: string;
  createdAt: string;
  createdBy: string;
  owner: string;
  watchers: string[];
  request?: RecordRequestDetails;
  workflow: WorkflowRef;
  /** The FOIA clock's inputs, kept so a recomputation starts from the facts, not the last date. */
  foia?: FoiaClock;
  /** Disclosure notices: what the agency said it intends to share. */
  summary?: string;
  /** Set when a workflow step failed; the item needs a person to look. */
  attention?: { reason: string; at: string };
  /** A filing made from a trigger set: the set, its trigger and parameters, the links the lawyer kept. */
  triggerSet?: { id: string; trigger: string; params: Record<string, unknown>; kept: string[] };
  /** Sequence number and hash of the last event, for the append-only chain. */
  eventSeq: number;
  lastEventHash: string;
}

export interface Deadline {
  id: string;
  itemId: string;
  rule: string;
  label: string;
  /** ISO date (day rules) or date-time with offset (hour rules), as the engine gave it. */
  due: string;
  /** The instant the deadline ends, UTC. */
  dueInstant: string;
  status: DeadlineStatus;
  citation: string;
  calendarVersion: string;
  receipt: ReceiptEntry[];
  alternative?: { due: string; reason: string };
  trigger: string;
  params: Record<string, unknown>;
  version: number;
  /** A moved deadline is superseded, never overwritten: the two point at each other. */
  supersedes?: string;
  supersededBy?: string;
  /** When the deadline was met, missed or superseded. */
  closedAt?: string;
  /** A missed deadline whose filing was recorded after all: it stays missed, and is not what a later filing files. */
  filedLateAt?: string;
  /** The link of the trigger set this deadline came from (`appeal`, `reply`). */
  link?: string;
}

export interface ItemEvent {
  itemId: string;
  seq: number;
  type: string;
  at: string;
  recordedAt: string;
  recordedBy: string;
  /** Shown on the public tracking page. */
  public: boolean;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
