/** What a deadline of each rule is called on the dashboard, in reminders and in the feed. */
export const DEADLINE_LABELS: Readonly<Record<string, string>> = {
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
