// "From the docket": proposals the court's docket made, waiting for a person. Confirm creates the
// item (or records the event) through the same API paths as the forms; Edit then confirm lets the
// lawyer correct the label, the trigger or the date first; Dismiss asks for the reason. Below, the
// matter's docket entries with what each proposed and what became of it.
// API data is only ever written with textContent (el()).
import { courtIso, el, formatDue } from '/format.js';

const ACTION_NAMES = {
  filing: 'The team must file',
  owed: 'Owed to the team',
  notice: '24-hour notice',
  hearing: 'Hearing',
  event: 'Changes a tracked item',
};
const STATUS_NAMES = { pending: 'waiting', confirming: 'being confirmed', confirmed: 'confirmed', dismissed: 'dismissed' };

const $ = (id) => document.getElementById(id);
let deps;
let proposals = [];

/** `d`: { api, matters: () => Matter[], changed: () => void } (changed reloads "What is due"). */
export function initDocket(d) {
  deps = d;
  $('docket-matter').addEventListener('change', () => void loadEntries());
}

/** `said`: what was just done, kept in the status line above the refreshed list. */
export async function loadProposals(said) {
  const status = $('docket-status');
  try {
    // Waiting ones, and any whose confirmation was interrupted (confirming again resumes it).
    const data = await deps.api('/api/proposals');
    proposals = (data.proposals ?? []).filter((p) => p.status === 'pending' || p.status === 'confirming');
  } catch (err) {
    if (err.status === 401) return;
    status.textContent = `Could not load the docket's proposals: ${err.message}`;
    return;
  }
  $('docket-count').textContent = `(${proposals.length})`;
  const waiting = proposals.length ? '' : 'Nothing from the docket is waiting.';
  status.textContent = [said, waiting].filter(Boolean).join(' ');
  const list = $('docket-list');
  list.replaceChildren(...proposals.map(card));
  fillMatters();
}

function card(p) {
  const li = el('li', { class: `proposal-card action-${p.action}${p.review ? ' needs-review' : ''}`, 'data-proposal': p.id });
  const due = p.due ? el('time', { datetime: p.due, text: formatDue(p.due) }) : el('strong', { text: 'no date: needs review' });
  li.append(
    el('span', { class: 'proposal-title', text: p.label }),
    el('span', { class: 'proposal-due' }, `${ACTION_NAMES[p.action] ?? p.action}: `, due, p.rule ? ` (${p.rule})` : ''),
    el('span', { class: 'proposal-meta', text: [p.matterName, p.entry ? `Docket entry ${p.entry}` : 'Minute entry', p.source === 'nef' ? 'from a notice of electronic filing' : 'from CourtListener'].filter(Boolean).join(' · ') }),
    el('blockquote', { class: 'proposal-evidence', text: p.evidence }),
  );
  if (p.clerk) li.append(el('p', { class: 'proposal-clerk', text: `The clerk's docket says ${formatDue(p.clerk.due)}. ${p.clerk.reason}` }));
  if (p.review) li.append(el('p', { class: 'proposal-review', text: `For review: ${p.review}` }));
  const problem = el('p', { class: 'field-error', role: 'alert', hidden: true });
  const actions = el('div', { class: 'actions' });
  const confirmButton = el('button', { type: 'button', class: 'button', text: 'Confirm', 'data-action': 'confirm' });
  const editButton = el('button', { type: 'button', class: 'button secondary', text: 'Edit then confirm', 'data-action': 'edit' });
  const dismissButton = el('button', { type: 'button', class: 'button secondary', text: 'Dismiss', 'data-action': 'dismiss' });
  // A proposal without a date cannot be confirmed as it is: the lawyer gives the date first.
  if (!p.due) confirmButton.disabled = true;
  actions.append(confirmButton, editButton, dismissButton);
  li.append(actions, problem);

  confirmButton.addEventListener('click', () => void decide(p, 'confirm', {}, problem, li));
  editButton.addEventListener('click', () => {
    const form = li.querySelector('form.edit-form') ?? editForm(p, problem, li);
    form.hidden = false;
    form.querySelector('input')?.focus();
  });
  dismissButton.addEventListener('click', () => showDismissForm(p.id, problem, li, (reason) => void decide(p, 'dismiss', { reason }, problem, li)));
  return li;
}

function editForm(p, problem, li) {
  const id = (name) => `pe-${name}-${p.id}`;
  const form = el('form', { class: 'edit-form', novalidate: true });
  const field = (name, label, attrs) => el('div', { class: 'field' }, el('label', { for: id(name), text: label }), el('input', { id: id(name), name, ...attrs }));
  // A notice's window counts from its hour: the time is asked for with the date (Eastern Time).
  const hourly = p.action === 'notice';
  form.append(
    field('label', 'Label', { type: 'text', value: p.label, maxlength: '200' }),
    field('trigger', hourly ? 'When the notice was given: date (Eastern Time)' : 'Trigger (the date the clock counts from)', { type: 'date', value: (p.trigger ?? '').slice(0, 10) }),
    hourly ? field('triggerTime', 'Time (Eastern Time)', { type: 'time', value: (p.trigger ?? '').slice(11, 16) }) : null,
    hourly ? null : field('due', p.action === 'event' ? 'New date (leave empty to keep the proposed one)' : "Date the order sets (leave empty to keep the rule's date)", { type: 'date', value: p.due && !p.rule ? p.due.slice(0, 10) : '' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button', text: 'Confirm with these changes' })),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const edit = {};
    const label = form.elements.label.value.trim();
    if (label && label !== p.label) edit.label = label;
    const trigger = form.elements.trigger.value;
    if (hourly) {
      const at = courtIso(trigger, form.elements.triggerTime.value);
      if (!at) {
        problem.textContent = 'Give the date and the time the notice was given (Eastern Time).';
        problem.hidden = false;
        return;
      }
      if (at !== p.trigger) edit.trigger = at;
    } else if (trigger && trigger !== (p.trigger ?? '').slice(0, 10)) edit.trigger = trigger;
    if (form.elements.due.value) edit.due = form.elements.due.value;
    void decide(p, 'confirm', edit, problem, li);
  });
  li.insertBefore(form, problem);
  return form;
}

/** The card's "Why is it dismissed?" form (made on first use), focused; `dismiss(reason)` once one is given. */
export function showDismissForm(id, problem, li, dismiss) {
  const form = li.querySelector('form.dismiss-form') ?? dismissForm(id, problem, li, dismiss);
  form.hidden = false;
  form.querySelector('input')?.focus();
}

function dismissForm(id, problem, li, dismiss) {
  const form = el('form', { class: 'dismiss-form', novalidate: true });
  const input = el('input', { id: `pd-reason-${id}`, name: 'reason', type: 'text', maxlength: '500', required: true });
  form.append(
    el('div', { class: 'field' }, el('label', { for: input.id, text: 'Why is it dismissed?' }), input),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button secondary', text: 'Dismiss it' })),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = input.value.trim();
    if (!reason) {
      problem.textContent = 'Give the reason it is dismissed.';
      problem.hidden = false;
      input.focus();
      return;
    }
    dismiss(reason);
  });
  li.insertBefore(form, problem);
  return form;
}

async function decide(p, what, body, problem, li) {
  problem.hidden = true;
  for (const b of li.querySelectorAll('button')) b.disabled = true;
  try {
    await deps.api(`/api/proposals/${p.id}/${what}`, { method: 'POST', body });
  } catch (err) {
    if (err.status === 401) return;
    showProblem(problem, err);
    for (const b of li.querySelectorAll('button')) b.disabled = b.dataset.action === 'confirm' && !p.due;
    return;
  }
  await loadProposals(what === 'confirm' ? `Confirmed: ${p.label}.` : `Dismissed: ${p.label}.`);
  if (!$('docket-entries-box').hidden && $('docket-entries-box').open) void loadEntries();
  if (what === 'confirm') deps.changed();
}

/** The API's refusal in the card: its detail and each field it names. */
export function showProblem(problem, err) {
  const fields = (err.body?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
  problem.textContent = `${err.message}${fields ? ` (${fields})` : ''}`;
  problem.hidden = false;
}

function fillMatters() {
  const select = $('docket-matter');
  const current = select.value;
  select.replaceChildren(...deps.matters().map((m) => el('option', { value: m.id, text: m.name })));
  if (current) select.value = current;
  $('docket-entries-box').hidden = deps.matters().length === 0;
}

export async function loadEntries() {
  const matter = $('docket-matter').value;
  const list = $('docket-entries');
  if (!matter) return list.replaceChildren();
  let data;
  try {
    data = await deps.api(`/api/matters/${encodeURIComponent(matter)}/docket`);
  } catch (err) {
    list.replaceChildren(el('li', { class: 'empty', text: `Could not load the docket: ${err.message}` }));
    return;
  }
  renderEntries(list, data.entries);
}

/** A matter's docket entries, each with what it proposed and what became of it. */
export function renderEntries(list, entries) {
  if (!entries.length) return list.replaceChildren(el('li', { class: 'empty', text: 'No docket entries have arrived for this matter.' }));
  list.replaceChildren(
    ...entries.map((e) =>
      el(
        'li',
        { class: 'docket-entry' },
        el('span', { class: 'docket-entry-head', text: `${e.entry ? `[${e.entry}]` : 'Minute entry'} · filed ${formatDue(e.filedOn)}` }),
        el('span', { class: 'docket-entry-text', text: e.text }),
        e.proposals.length
          ? el('ul', { class: 'docket-entry-proposals' }, ...e.proposals.map((p) => el('li', { text: `${p.label}${p.due ? ` (${formatDue(p.due)})` : ''}: ${STATUS_NAMES[p.status] ?? p.status}${p.reason ? `, “${p.reason}”` : ''}` })))
          : el('span', { class: 'note', text: 'No deadline follows from it.' }),
      ),
    ),
  );
}
