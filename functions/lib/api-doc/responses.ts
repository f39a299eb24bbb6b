/**
 * What the API answers, as schemas: the document's response schemas come from these, and the
 * contract test holds every real answer to them (no undocumented member: objects are closed).
 */
import * as v from 'valibot';
import { COLLECTIONS } from '../../../core/collections';
import { LETTER_EVENT_TYPES, OUTCOMES } from '../../../core/letters/events';
import { LETTER_PROPOSAL_STATUSES, MAIL_KINDS, MAIL_VIAS } from '../../../core/mail-in';

const str = () => v.string();
const opt = <S extends v.GenericSchema>(s: S) => v.optional(s);
const nullable = <S extends v.GenericSchema>(s: S) => v.nullable(s);
const obj = <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries);
const list = <S extends v.GenericSchema>(s: S) => v.array(s);
/** Parameters whose names the rule or the set defines. */
const params = () => v.record(v.string(), v.unknown());
const KINDS = ['foia', 'privacy_act', 'record_production', 'filing', 'disclosure_notice'] as const;

export const Problem = obj({
  type: str(),
  title: str(),
  status: v.pipe(v.number(), v.integer()),
  detail: str(),
  errors: opt(list(obj({ field: v.pipe(str(), v.description('Dotted path of the field; empty for the body itself')), message: str() }))),
});

export const Health = obj({ status: v.picklist(['ok', 'degraded']), table: str(), workflow: str() });

export const ReceiptEntry = obj({ step: str(), date: opt(str()), text: str() });

export const Deadline = obj({
  id: str(),
  rule: str(),
  label: str(),
  due: v.pipe(str(), v.description('ISO date (day rules) or date-time with offset (hour rules)')),
  dueInstant: str(),
  status: v.picklist(['open', 'met', 'missed', 'superseded']),
  citation: str(),
  calendarVersion: str(),
  receipt: list(ReceiptEntry),
  alternative: opt(obj({ due: str(), reason: str() })),
  supersedes: opt(str()),
  supersededBy: opt(str()),
  closedAt: opt(str()),
  filedLateAt: opt(str()),
  link: opt(str()),
});

export const ItemSummary = obj({
  id: str(),
  collection: v.picklist(COLLECTIONS),
  title: str(),
  kind: v.picklist(KINDS),
  agency: opt(str()),
  matterId: str(),
  phase: str(),
  phaseLabel: str(),
  owner: str(),
  status: v.picklist(['open', 'closed']),
});

export const DeadlineList = obj({
  now: str(),
  within: nullable(str()),
  deadlines: list(obj({ ...Deadline.entries, itemId: str(), bucket: v.picklist(['overdue', 'today', 'week', 'later', 'missed']), item: ItemSummary })),
});

export const Person = obj({ id: str(), name: str(), email: str(), role: str() });
export const Matter = obj({
  id: str(),
  name: str(),
  court: opt(str()),
  docket: opt(str()),
  timeZone: str(),
  team: list(Person),
  createdAt: str(),
  reminderLadder: opt(obj({ dayRungs: list(v.number()), hourRungs: list(v.number()) })),
});
export const MatterDetail = obj({
  now: str(),
  matter: Matter,
  items: list(obj({ ...ItemSummary.entries, receivedAt: str(), deadlines: list(obj({ ...Deadline.entries, summary: v.pipe(list(str()), v.description('The receipt in a few lines')) })) })),
});
export const MatterList = obj({ matters: list(Matter), intake: obj({ matterId: str(), team: list(Person) }) });

export const Event = obj({
  itemId: str(),
  seq: v.number(),
  type: str(),
  at: str(),
  recordedAt: str(),
  recordedBy: str(),
  public: v.boolean(),
  data: v.record(str(), v.unknown()),
  prevHash: str(),
  hash: str(),
});

const Flag = obj({ requested: v.boolean(), justification: opt(str()) });
export const TeamView = obj({
  id: str(),
  kind: v.picklist(KINDS),
  matterId: str(),
  title: str(),
  agency: opt(str()),
  phase: str(),
  phaseLabel: str(),
  status: v.picklist(['open', 'closed']),
  version: v.number(),
  receivedAt: str(),
  createdAt: str(),
  createdBy: str(),
  owner: str(),
  watchers: list(str()),
  request: opt(
    obj({
      requester: obj({ name: str(), email: str(), organization: opt(str()), address: opt(str()), phone: opt(str()) }),
      description: str(),
      dateRange: opt(obj({ from: opt(str()), to: opt(str()) })),
      feeWaiver: Flag,
      expedited: Flag,
      feeLimit: opt(v.number()),
    }),
  ),
  foia: opt(
    obj({
      receivedAt: str(),
      firstReceivedByDesignatedComponent: opt(str()),
      tolling: list(obj({ type: v.picklist(['information_request', 'fee_clarification']), agency_request_sent: str(), requester_response_received: opt(str()) })),
      extensionWorkingDays: opt(v.number()),
      outcome: opt(str()),
    }),
  ),
  summary: opt(str()),
  attention: opt(obj({ reason: str(), at: str() })),
  triggerSet: opt(obj({ id: str(), trigger: str(), params: params(), kept: list(str()) })),
  eventSeq: v.number(),
  lastEventHash: str(),
  workflow: obj({ execution: str(), state: str() }),
  deadlines: list(Deadline),
  events: list(Event),
});

export const PublicView = obj({
  trackingCode: str(),
  kind: v.picklist(KINDS),
  agency: opt(str()),
  phase: str(),
  phaseLabel: str(),
  receivedAt: str(),
  nextDeadline: nullable(obj({ rule: str(), label: str(), due: str() })),
  events: list(obj({ type: str(), label: str(), at: str() })),
});

export const IntakeReceipt = obj({
  id: str(),
  trackingCode: str(),
  kind: v.picklist(['foia', 'privacy_act']),
  agency: str(),
  matterId: opt(str()),
  phase: str(),
  phaseLabel: str(),
  receivedAt: str(),
  deadlines: list(Deadline),
  trackUrl: opt(str()),
  workflow: opt(obj({ execution: str(), state: str() })),
});

export const TriggerSetList = obj({
  triggerSets: list(
    obj({
      id: str(),
      label: str(),
      triggerLabel: str(),
      flags: opt(v.record(str(), str())),
      links: list(obj({ id: str(), label: str(), rule: str(), ruleIf: opt(v.record(str(), str())), pass: opt(list(str())), after: opt(str()) })),
    }),
  ),
});

export const TriggerSetPreview = obj({
  triggerSet: str(),
  trigger: str(),
  params: params(),
  deadlines: list(
    obj({
      link: str(),
      label: str(),
      rule: str(),
      trigger: str(),
      projected: v.boolean(),
      due: str(),
      dueInstant: str(),
      alternative: opt(obj({ due: str(), reason: str() })),
      citation: str(),
      calendarVersion: str(),
      receipt: list(ReceiptEntry),
    }),
  ),
});

export const NotificationList = obj({
  notifications: list(obj({ id: str(), itemId: str(), deadlineId: opt(str()), kind: str(), rung: opt(str()), recipient: str(), sentAt: str(), subject: str(), channel: opt(v.picklist(['email'])), messageId: opt(str()) })),
});

const feedEntries = { id: str(), label: opt(str()), filter: obj({ matter: opt(str()), person: opt(str()) }), createdAt: str() };
export const FeedSummary = obj({ ...feedEntries, revokedAt: opt(str()) });
export const FeedList = obj({ feeds: list(FeedSummary) });
export const Feed = obj({ ...feedEntries, url: v.pipe(str(), v.description('Secret: shown once')), path: str() });

export const CalendarDay = obj({ kind: str(), date: str(), label: str(), court: opt(v.picklist(['SCOTUS'])), addedBy: str(), addedAt: str() });
export const CalendarDays = obj({ calendarVersion: str(), days: list(CalendarDay) });
export const Job = obj({
  id: str(),
  kind: v.picklist(['calendar_change']),
  status: v.picklist(['running', 'done', 'failed']),
  createdAt: str(),
  createdBy: str(),
  day: obj({ kind: str(), date: str(), label: str(), court: opt(v.picklist(['SCOTUS'])) }),
  calendarVersion: str(),
  progress: obj({
    planned: v.pipe(v.number(), v.description('Items found so far with a deadline the day moves (grows while the index is read)')),
    considered: v.number(),
    moved: v.number(),
    failed: v.number(),
    scanned: v.pipe(v.number(), v.description('Index entries read to find them')),
    done: v.boolean(),
  }),
  finishedAt: opt(str()),
  error: opt(str()),
});
export const JobList = obj({ jobs: list(Job) });
export const JobRunning = obj({ job: Job });
export const JobDetail = obj({
  job: Job,
  summary: obj({
    byMatter: list(obj({ matterId: str(), name: str(), items: v.number() })),
    items: list(obj({ itemId: str(), collection: v.picklist(COLLECTIONS), matterId: str(), title: str(), moved: list(obj({ rule: str(), from: str(), to: str() })) })),
  }),
});
export const CalendarDayAdded = obj({ calendarVersion: str(), day: CalendarDay, job: Job });

export const DeliveryReceipt = obj({
  status: v.picklist(['read', 'unrecognised', 'received', 'duplicate']),
  reason: opt(str()),
  received: opt(v.number()),
  entries: opt(v.number()),
  proposals: opt(v.number()),
  duplicates: opt(v.number()),
});

const hookEntries = {
  id: str(),
  matterId: str(),
  docketId: opt(v.number()),
  side: v.picklist(['plaintiffs', 'defendants']),
  usParty: v.boolean(),
  court: v.picklist(['DDC', 'CADC']),
  createdAt: str(),
  createdBy: str(),
  revokedAt: opt(str()),
};
export const DocketHook = obj(hookEntries);
export const DocketHookList = obj({ hooks: list(DocketHook) });
export const NewDocketHook = obj({ ...hookEntries, url: v.pipe(str(), v.description('Secret: shown once')), path: str() });

export const Proposal = obj({
  id: str(),
  matterId: str(),
  matterName: opt(str()),
  entry: nullable(str()),
  entryKey: str(),
  rawSeq: v.number(),
  source: v.picklist(['courtlistener', 'nef']),
  action: v.picklist(['filing', 'owed', 'notice', 'hearing', 'event']),
  kind: v.picklist(['filing', 'record_production', 'disclosure_notice', 'event', 'review']),
  rule: nullable(str()),
  trigger: nullable(str()),
  due: nullable(str()),
  label: str(),
  evidence: str(),
  clerk: opt(obj({ due: str(), reason: str() })),
  review: opt(str()),
  status: v.picklist(['pending', 'confirming', 'confirmed', 'dismissed']),
  version: v.number(),
  itemId: opt(str()),
  reason: opt(str()),
  decidedBy: opt(str()),
  decidedAt: opt(str()),
  edit: opt(obj({ label: opt(str()), trigger: opt(str()), due: opt(str()), itemId: opt(str()) })),
  createdAt: str(),
});
export const ProposalList = obj({ count: v.number(), proposals: list(Proposal) });
export const ProposalDecision = obj({ proposal: Proposal, item: opt(TeamView) });

export const DocketEntry = obj({
  key: str(),
  matterId: str(),
  entry: nullable(str()),
  rawSeq: v.number(),
  filedOn: str(),
  enteredAt: opt(str()),
  text: str(),
  source: v.picklist(['courtlistener', 'nef']),
  receivedAt: str(),
  refs: list(str()),
  proposalIds: list(str()),
  proposals: list(obj({ id: str(), action: str(), label: str(), due: nullable(str()), status: str(), itemId: opt(str()), reason: opt(str()) })),
});
export const DocketEntries = obj({ matterId: str(), entries: list(DocketEntry) });

export const MailMessage = obj({
  id: v.pipe(str(), v.description('SHA-256 of the message as received')),
  messageId: opt(str()),
  via: v.picklist(MAIL_VIAS),
  receivedAt: str(),
  size: v.pipe(v.number(), v.integer()),
  from: opt(str()),
  subject: opt(str()),
  kind: v.picklist(MAIL_KINDS),
  reason: opt(v.pipe(str(), v.description('Why it was not read, or what the reader left to a person'))),
  matterId: opt(str()),
  itemId: opt(v.pipe(str(), v.description('The record request the letter was matched to'))),
  candidates: opt(v.pipe(list(str()), v.description('Requests a person picks from, best first'))),
  why: opt(v.pipe(str(), v.description('How the letter was matched, or why it was not'))),
  agency: opt(str()),
  trackingNumber: opt(str()),
  proposals: v.pipe(list(str()), v.description('The ids of the events the letter proposes')),
  docketSeq: opt(v.pipe(v.number(), v.description('Court notices: where the docket keeps the message'))),
});
export const MailReceipt = obj({ status: v.picklist(['stored', 'duplicate']), message: MailMessage });
export const MailMessageList = obj({ messages: list(MailMessage) });

export const LetterProposal = obj({
  id: str(),
  mailSha256: str(),
  matterId: opt(str()),
  itemId: opt(str()),
  candidates: list(str()),
  why: str(),
  event: v.pipe(
    obj({ type: v.picklist(LETTER_EVENT_TYPES), at: str(), trackingNumber: opt(str()), workingDays: opt(v.number()), outcome: opt(v.picklist(OUTCOMES)), final: opt(v.boolean()) }),
    v.description('As POST /api/requests/{id}/events takes it'),
  ),
  evidence: v.pipe(str(), v.description('The words it rests on')),
  agency: opt(str()),
  createdAt: str(),
  status: v.picklist(LETTER_PROPOSAL_STATUSES),
  decidedAt: opt(str()),
  decidedBy: opt(str()),
  reason: opt(str()),
});
export const LetterProposalList = obj({ proposals: list(LetterProposal) });
export const LetterProposalDecision = obj({ proposal: LetterProposal, item: opt(TeamView) });

/** Every named response schema, as the document's components. */
export const RESPONSE_SCHEMAS = {
  Problem, Health, ReceiptEntry, Deadline, ItemSummary, DeadlineList, Person, Matter, MatterDetail, MatterList, Event, TeamView, PublicView, IntakeReceipt,
  TriggerSetList, TriggerSetPreview, NotificationList, FeedSummary, FeedList, Feed, CalendarDay, CalendarDays, CalendarDayAdded, Job, JobList, JobRunning, JobDetail,
  DeliveryReceipt, DocketHook, DocketHookList, NewDocketHook, Proposal, ProposalList, ProposalDecision, DocketEntry, DocketEntries,
  MailMessage, MailReceipt, MailMessageList, LetterProposal, LetterProposalList, LetterProposalDecision,
};
export type ResponseName = keyof typeof RESPONSE_SCHEMAS;
