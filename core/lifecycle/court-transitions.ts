/**
 * What each event does to the team's court items: a court-ordered production, a filing the
 * team must make, a 24-hour disclosure notice.
 */
import { retriggeredSet, servedFollowers } from '../trigger-set-items';
import type { Draft } from './draft';

export function productionTransition(d: Draft): void {
  const { ev } = d;
  switch (ev.type) {
    case 'produced': {
      d.allow(['awaiting_production', 'awaiting_supplement'], 'Nothing is awaiting production');
      const due = d.openAny();
      if (due) d.meet(due);
      else d.note = 'Produced after the deadline passed';
      if (ev.data.objectionDays) {
        d.patch.phase = 'objections_window';
        d.add({ rule: 'court_order.fixed', trigger: ev.at, params: { days: ev.data.objectionDays }, label: 'Objections to the record due' });
      } else {
        d.patch.phase = 'produced';
      }
      return;
    }
    case 'objection_filed': {
      d.allow(['objections_window', 'produced'], 'Objections follow a production');
      const due = d.open('court_order.fixed');
      if (due && d.item.phase === 'objections_window') d.meet(due);
      d.patch.phase = 'objections_filed';
      return;
    }
    case 'supplement_ordered':
      d.patch.phase = 'awaiting_supplement';
      d.add({ rule: 'court_order.fixed', trigger: ev.at, params: orderParams(ev.data), label: 'Supplement to the record due' });
      return;
    case 'extension_granted':
      extend(d, ['awaiting_production', 'awaiting_supplement', 'objections_window']);
      return;
    case 'closed':
      d.close('closed');
      return;
  }
}

export function filingTransition(d: Draft): void {
  const { ev, item } = d;
  switch (ev.type) {
    case 'extension_granted':
      extend(d, ['due', 'reply_due']);
      return;
    case 'filed': {
      d.allow(['due', 'reply_due'], 'Nothing is due to be filed');
      // The first deadline still unfiled is what was filed, even if it passed unmet; in a trigger
      // set the links projected from it now count from its actual service (the reply from the
      // opposition's). While another deadline is open (a set's next link, a deadline counted
      // back from a hearing) the item stays due.
      const pending = d.deadlines.filter((x) => x.status === 'open' || (x.status === 'missed' && !x.filedLateAt)).sort((a, b) => a.dueInstant.localeCompare(b.dueInstant));
      const filed = pending[0];
      if (filed?.status === 'open') d.meet(filed);
      else if (filed) {
        d.fileLate(filed);
        d.note = 'Filed after the deadline passed';
      }
      const rest = pending.filter((x) => x !== filed && x.status === 'open');
      if (filed && item.triggerSet) for (const { old, request } of servedFollowers(item, rest, filed, ev.at)) d.supersede(old, request);
      if (rest.length) return;
      d.patch.phase = 'filed';
      return;
    }
    case 'opposition_served': {
      // The chain: a reply counts from service of the opposition (LCvR 7(d)).
      d.allow(['filed'], 'An opposition answers a motion the team has filed');
      d.patch.phase = 'reply_due';
      d.add({ rule: 'lcvr7d.reply', trigger: ev.at, params: { service: ev.data.service ?? 'electronic' } });
      return;
    }
    case 'trigger_changed': {
      d.allow(['due'], 'The trigger can only move while the filing is due');
      if (item.triggerSet) {
        // Every deadline of the set counts from the trigger (or from a link that does): all move.
        const moved = retriggeredSet(item, d.deadlines.filter((x) => x.status === 'open'), String(ev.data.triggerAt), d.ctx.calendar);
        for (const { old, request } of moved) d.supersede(old, request);
        d.patch.triggerSet = { ...item.triggerSet, trigger: String(ev.data.triggerAt) };
        d.note = `The trigger moved from ${item.triggerSet.trigger} to ${String(ev.data.triggerAt)}: ${moved.length} deadline${moved.length === 1 ? '' : 's'} of the set recomputed and superseded`;
        return;
      }
      const open = d.openAny();
      if (!open) d.reject('No open deadline counts from a trigger');
      const service = ev.data.service ?? open!.params.service;
      d.supersede(open!, { rule: open!.rule, trigger: String(ev.data.triggerAt), params: { ...open!.params, ...(service ? { service } : {}) } });
      return;
    }
    case 'hearing_set':
      d.add({ rule: 'frcp6.days', trigger: String(ev.data.hearingAt), params: { days: ev.data.days, direction: 'before' }, label: 'Due before the hearing' });
      if (item.phase !== 'due') d.patch.phase = 'due';
      return;
    case 'vacated':
    case 'closed':
      d.close('closed');
      return;
  }
}

export function noticeTransition(d: Draft): void {
  const { ev } = d;
  switch (ev.type) {
    case 'emergency_motion_filed': {
      d.allow(['window_open', 'window_closed'], 'A motion was already filed');
      const window = d.open('frcp6.hours');
      if (window) d.meet(window);
      d.patch.phase = 'motion_filed';
      return;
    }
    case 'disclosure_occurred':
    case 'withdrawn':
    case 'closed':
      d.close('closed');
      return;
  }
}

function extend(d: Draft, phases: string[]): void {
  d.allow(phases, 'Nothing is due that an extension could move');
  const open = d.openAny();
  if (!open) d.reject('No open deadline to extend');
  const newDue = String(d.ev.data.newDue).slice(0, 10);
  if (newDue <= open!.due.slice(0, 10)) d.reject(`The new date ${newDue} is not after the current one (${open!.due.slice(0, 10)})`);
  d.supersede(open!, { rule: 'court_order.fixed', trigger: d.ev.at, params: { date: newDue }, label: `${open!.label} (extended)` });
}


function orderParams(data: Record<string, unknown>): Record<string, unknown> {
  return data.due !== undefined ? { date: String(data.due).slice(0, 10) } : { days: data.days };
}
