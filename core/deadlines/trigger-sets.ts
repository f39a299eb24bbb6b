/**
 * Trigger sets: docketing works from the event, not the rule. "Judgment entered" sets the
 * appeal window and every post-judgment motion at once; "motion served" sets the opposition and,
 * counted from the opposition's service, the reply. Each set is data: its links name a rule (or
 * a rule chosen by a parameter), the parameters passed on, and the link a projected one follows.
 * Computing a set is computing its chain, so a moved trigger moves every deadline of the set.
 */
import type { Calendar } from '../calendar';
import { computeChain, type ChainLink, type ChainResult } from './chain';
import { DeadlineInputError } from './errors';
import { ParamReader } from './params';
import { parseMoment } from './time';

export interface TriggerSetLink {
  /** Stable within the set: the lawyer keeps or drops links by it, and a moved trigger finds them by it. */
  id: string;
  label: string;
  /** The rule, or a rule chosen by a yes/no parameter of the set (`{ us_party: 'frap4.appeal_us' }`). */
  rule: string;
  ruleIf?: Readonly<Record<string, string>>;
  /** Set parameters passed on to this link's rule when given (`service`). */
  pass?: readonly string[];
  /** Counted from this link's due date until the event it stands for is recorded (a projection). */
  after?: string;
}

export interface TriggerSet {
  id: string;
  label: string;
  /** What the trigger date is, in a lawyer's words. */
  triggerLabel: string;
  /** Yes/no parameters that choose rules, with what they mean. */
  flags?: Readonly<Record<string, string>>;
  links: readonly TriggerSetLink[];
}

const SERVICE = ['service'] as const;

/** Every trigger set, in one table. */
export const TRIGGER_SETS: readonly TriggerSet[] = [
  {
    id: 'judgment_entered',
    label: 'Judgment entered',
    triggerLabel: 'Entry of the judgment',
    flags: { us_party: 'the United States, a United States agency or officer is a party (60 days to appeal)' },
    links: [
      { id: 'appeal', label: 'Notice of appeal due', rule: 'frap4a1a.appeal', ruleIf: { us_party: 'frap4.appeal_us' } },
      { id: 'alter_amend', label: 'Motion to alter or amend the judgment (Rule 59(e)) due', rule: 'frcp59e.alter_amend' },
      { id: 'renewed_jmol', label: 'Renewed motion for judgment as a matter of law (Rule 50(b)) due', rule: 'frcp50b.renewed_jmol' },
      { id: 'amended_findings', label: 'Motion to amend the findings (Rule 52(b)) due', rule: 'frcp52b.amended_findings' },
      { id: 'fees', label: 'Motion for attorney’s fees (Rule 54(d)(2)) due', rule: 'frcp54d2.fees' },
    ],
  },
  {
    id: 'answer_served',
    label: 'Answer served',
    triggerLabel: 'Service of the answer to the complaint',
    links: [{ id: 'certified_list', label: 'Certified list of the administrative record due', rule: 'lcvr7n.certified_list' }],
  },
  {
    id: 'motion_served',
    label: 'Motion served',
    triggerLabel: 'Service of the motion',
    links: [
      { id: 'opposition', label: 'Opposition due', rule: 'lcvr7b.opposition', pass: SERVICE },
      { id: 'reply', label: 'Reply due (counted from service of the opposition)', rule: 'lcvr7d.reply', pass: SERVICE, after: 'opposition' },
    ],
  },
  {
    id: 'complaint_served',
    label: 'Complaint served',
    triggerLabel: 'Service of the summons and complaint',
    flags: { us_party: 'the defendant is the United States, an agency or officer (60 days after service on the United States attorney)' },
    links: [
      { id: 'answer', label: 'Answer due', rule: 'frcp12a1.answer', ruleIf: { us_party: 'frcp12a2.answer_us' } },
      { id: 'scheduling_order', label: 'Scheduling order due from the judge (Rule 16(b)(2))', rule: 'frcp16b2.scheduling_order' },
    ],
  },
  {
    id: 'pi_application_filed',
    label: 'Preliminary-injunction application filed',
    triggerLabel: 'Filing and service of the application',
    links: [
      { id: 'opposition', label: 'Opposition to the preliminary-injunction motion due', rule: 'lcvr65.1.pi_opposition', pass: SERVICE },
      { id: 'hearing', label: 'Latest day for the hearing (LCvR 65.1(d))', rule: 'lcvr65.1d.pi_hearing' },
    ],
  },
  {
    id: 'notice_of_appeal_filed',
    label: 'Notice of appeal filed',
    triggerLabel: 'Filing of the first notice of appeal',
    links: [
      { id: 'cross_appeal', label: 'Cross-appeal due (Rule 4(a)(3))', rule: 'frap4a3.cross_appeal' },
      { id: 'transcript', label: 'Transcript order or certificate due (FRAP 10(b))', rule: 'frap10b.transcript' },
    ],
  },
  {
    id: 'scheduling_conference_set',
    label: 'Scheduling conference set',
    triggerLabel: 'The scheduling conference',
    links: [
      { id: 'rule26f_conference', label: 'Rule 26(f) conference due', rule: 'frcp26f.conference' },
      { id: 'meet_confer', label: 'LCvR 16.3 meet-and-confer due', rule: 'lcvr16.3.meet_confer' },
    ],
  },
  {
    id: 'rule26f_conference_held',
    label: 'Rule 26(f) conference held',
    triggerLabel: 'The Rule 26(f) conference',
    links: [
      { id: 'report', label: 'Rule 26(f) report due', rule: 'frcp26f.report' },
      { id: 'initial_disclosures', label: 'Initial disclosures due', rule: 'frcp26a1.initial_disclosures' },
    ],
  },
  {
    id: 'appellate_judgment_entered',
    label: 'Court of appeals judgment entered',
    triggerLabel: "Entry of the court of appeals' judgment",
    links: [
      { id: 'rehearing', label: 'Petition for rehearing due (United States a party)', rule: 'frap40.rehearing_us' },
      { id: 'cert', label: 'Petition for certiorari due', rule: 'supct13.cert' },
    ],
  },
];

const BY_ID = new Map(TRIGGER_SETS.map((s) => [s.id, s]));
export const TRIGGER_SET_IDS: readonly string[] = Object.freeze(TRIGGER_SETS.map((s) => s.id));

export function triggerSet(id: unknown): TriggerSet {
  const set = typeof id === 'string' ? BY_ID.get(id) : undefined;
  if (!set) throw new DeadlineInputError(`unknown trigger set ${JSON.stringify(id)}; known sets: ${TRIGGER_SET_IDS.join(', ')}`, 'triggerSet');
  return set;
}

export interface TriggerSetRequest {
  triggerSet: string;
  trigger: string;
  params?: Record<string, unknown>;
}

export interface TriggerSetDeadline extends ChainResult {
  link: string;
  label: string;
  rule: string;
  /** The request that computes this deadline: stored with it, recomputed from it. */
  request: { rule: string; trigger: string; params: Record<string, unknown> };
}

/** The chain links of a set for a trigger: rules chosen by its flags, parameters passed on. */
export function triggerSetLinks(req: TriggerSetRequest): Array<ChainLink & { label: string }> {
  const set = triggerSet(req.triggerSet);
  const reader = new ParamReader(req.params);
  const flags = Object.fromEntries(Object.keys(set.flags ?? {}).map((f) => [f, reader.bool(f) ?? false]));
  const passed = new Map<string, unknown>();
  for (const name of new Set(set.links.flatMap((l) => l.pass ?? []))) if (reader.has(name)) passed.set(name, req.params![name]);
  reader.finish(`trigger set ${set.id}`);
  return set.links.map((l) => {
    const chosen = Object.entries(l.ruleIf ?? {}).find(([flag]) => flags[flag]);
    const params = Object.fromEntries((l.pass ?? []).filter((p) => passed.has(p)).map((p) => [p, passed.get(p)]));
    return { id: l.id, label: l.label, rule: chosen ? chosen[1] : l.rule, params, ...(l.after ? { after: l.after } : { trigger: req.trigger }) };
  });
}

/** Every deadline a trigger sets, in the set's order, each with its receipt. */
export function computeTriggerSet(req: TriggerSetRequest, calendar?: Calendar): TriggerSetDeadline[] {
  parseMoment(req.trigger, 'trigger');
  const links = triggerSetLinks(req);
  const results = computeChain(links, calendar);
  return results.map((r, i) => {
    const link = links[i]!;
    return { ...r, link: link.id, label: link.label, rule: link.rule, request: { rule: link.rule, trigger: r.trigger, params: link.params ?? {} } };
  });
}
