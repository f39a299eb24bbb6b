// "From the mail": events that forwarded agency letters propose on record requests, waiting for
// a person, and every message received with what became of it (unrecognised ones with the
// reason). Confirm records the event on the request through the same path as the event form;
// a letter no request certainly matches asks which one first; Dismiss asks for the reason.
// Messages are never rendered: only the facts the API lists, and only with textContent (el()).
import { el, formatDue, formatInstant } from '/format.js';
import { EVENT_TYPES } from '/event-types.js';
import { showDismissForm, showProblem } from '/docket.js';

/** type → [label, fields]: the event form's own words for what a letter proposes. */
const REQUEST_EVENTS = Object.fromEntries(EVENT_TYPES.requests.map(([type, label, fields]) => [type, { label, fields }]));
const VIA_NAMES = { api: 'by the API', inbox: 'from the drop folder', smtp: 'by e-mail to the intake address', ses: 'by e-mail' };

const $ = (id) => document.getElementById(id);
let deps;
/** Request id → what the cards show of it, read once per load. */
let requests = new Map();

/** `d`: { api, changed: () => void } (changed reloads "What is due"). */
export function initMail(d) {
  deps = d;
}

/** `said`: what was just done, kept in the status line above the refreshed lists. */
export async function loadMail(said) {
  const status = $('mail-status');
  let proposals;
  let messages;
  try {
    const [p, m] = await Promise.all([deps.api('/api/mail/proposals'), deps.api('/api/inbound/email')]);
    // Waiting ones, and any whose confirmation was interrupted (confirming again resumes it).
    proposals = p.proposals.filter((x) => x.status === 'pending' || x.status === 'confirming');
    messages = m.messages;
  } catch (err) {
    if (err.status === 401) return;
    status.textContent = `Could not load the mail: ${err.message}`;
    return;
  }
  requests = await describeRequests(proposals);
  $('mail-count').textContent = `(${proposals.length})`;
  const waiting = proposals.length ? '' : 'Nothing from the mail is waiting.';
  status.textContent = [said, waiting].filter(Boolean).join(' ');
  $('mail-list').replaceChildren(...proposals.map(card));
  renderMessages($('mail-messages'), messages);
}

async function describeRequests(proposals) {
  const ids = [...new Set(proposals.flatMap((p) => [p.itemId, ...p.candidates]).filter(Boolean))];
  const found = await Promise.all(ids.map((id) => deps.api(`/api/requests/${encodeURIComponent(id)}`).catch(() => undefined)));
  return new Map(found.filter(Boolean).map((r) => [r.id, r]));
}

/** Words of a request's description: two requests to one agency on one day differ only in what they ask for. */
const ASKS_FOR_CHARS = 60;

const requestName = (id) => {
  const r = requests.get(id);
  if (!r) return `Request ${id}`;
  const asks = (r.request?.description ?? '').replace(/\s+/g, ' ').trim();
  const short = asks.length > ASKS_FOR_CHARS ? `${asks.slice(0, ASKS_FOR_CHARS).replace(/\s+\S*$/, '')}…` : asks;
  return `${r.title}, received ${formatDue(r.receivedAt.slice(0, 10))}${short ? `: ${short}` : ''}`;
};

/** "Acknowledged by the agency" and what the letter says: the tracking number, the working days, the outcome. */
function eventWords(event) {
  const known = REQUEST_EVENTS[event.type];
  const details = (known?.fields ?? [])
    .filter((f) => event[f.name] !== undefined)
    .map((f) => {
      const value = event[f.name];
      const shown = f.options?.find(([v]) => v === value)?.[1] ?? (typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
      return `${f.label}: ${shown}`;
    });
  return { title: known?.label ?? event.type, details };
}

/** No request matched and none fits: there is nothing to record the event on, so only Dismiss is offered. */
const nothingToPick = (p) => !p.itemId && p.candidates.length === 0;

function card(p) {
  const { title, details } = eventWords(p.event);
  const li = el('li', { class: `proposal-card letter-proposal${p.itemId ? '' : ' needs-review'}`, 'data-proposal': p.id });
  li.append(
    el('span', { class: 'proposal-title', text: title }),
    el('span', { class: 'proposal-due' }, `${p.event.type === 'received' ? 'Received on' : 'Letter of'} `, el('time', { datetime: p.event.at, text: formatDue(p.event.at) }), details.length ? ` · ${details.join(' · ')}` : ''),
    el('span', { class: 'proposal-meta', text: [p.agency, p.itemId ? `On ${requestName(p.itemId)}` : 'Which request?', p.why].filter(Boolean).join(' · ') }),
    el('blockquote', { class: 'proposal-evidence', text: p.evidence }),
  );
  const problem = el('p', { class: 'field-error', role: 'alert', hidden: true });
  const unconfirmable = nothingToPick(p);
  let pick;
  let why;
  if (!p.itemId) {
    // No certain match: the person picks among the requests that fit, best first.
    const id = `mp-item-${p.id}`;
    pick = el('select', { id, name: 'itemId', disabled: unconfirmable }, el('option', { value: '', text: unconfirmable ? 'No open request fits' : 'Pick the request' }), ...p.candidates.map((c) => el('option', { value: c, text: requestName(c) })));
    li.append(el('div', { class: 'field' }, el('label', { for: id, text: 'The request this letter is about' }), pick));
    if (unconfirmable) {
      why = el('p', { id: `mp-none-${p.id}`, class: 'note', text: 'No open request fits this letter, so it cannot be confirmed: dismiss it with the reason.' });
      li.append(why);
    }
  }
  const confirmButton = el('button', { type: 'button', class: 'button', text: 'Confirm', 'data-action': 'confirm', disabled: unconfirmable, 'aria-describedby': why?.id });
  const dismissButton = el('button', { type: 'button', class: 'button secondary', text: 'Dismiss', 'data-action': 'dismiss' });
  li.append(el('div', { class: 'actions' }, confirmButton, dismissButton), problem);

  confirmButton.addEventListener('click', () => {
    if (pick && !pick.value) {
      problem.textContent = 'Pick the request this letter is about first.';
      problem.hidden = false;
      pick.focus();
      return;
    }
    void decide(p, 'confirm', pick ? { itemId: pick.value } : {}, problem, li, title);
  });
  dismissButton.addEventListener('click', () => showDismissForm(`mail-${p.id}`, problem, li, (reason) => void decide(p, 'dismiss', { reason }, problem, li, title)));
  return li;
}

async function decide(p, what, body, problem, li, title) {
  problem.hidden = true;
  for (const b of li.querySelectorAll('button')) b.disabled = true;
  try {
    await deps.api(`/api/mail/proposals/${p.id}/${what}`, { method: 'POST', body });
  } catch (err) {
    if (err.status === 401) return;
    showProblem(problem, err);
    for (const b of li.querySelectorAll('button')) b.disabled = b.dataset.action === 'confirm' && nothingToPick(p);
    return;
  }
  await loadMail(`${what === 'confirm' ? 'Confirmed' : 'Dismissed'}: ${title}${p.itemId || body.itemId ? ` on ${requestName(body.itemId ?? p.itemId)}` : ''}.`);
  if (what === 'confirm') deps.changed();
}

const KIND_WORDS = {
  letter: (m) => `Agency letter${m.agency ? ` from ${m.agency}` : ''}${m.trackingNumber ? `, ${m.trackingNumber}` : ''}: ${m.proposals.length} proposed event${m.proposals.length === 1 ? '' : 's'}${m.why ? ` (${m.why})` : ''}`,
  nef: () => 'Court notice: read into the docket',
  unrecognised: () => 'Not recognised',
};

/** Each message as the API lists it: who sent it, when and how, what it was read as, and why not. */
export function renderMessages(list, messages) {
  if (!messages.length) return list.replaceChildren(el('li', { class: 'empty', text: 'No mail has arrived.' }));
  list.replaceChildren(
    ...messages.map((m) =>
      el(
        'li',
        { class: `mail-message kind-${m.kind}`, 'data-message': m.id },
        el('span', { class: 'docket-entry-head', text: `${m.from ?? 'Unknown sender'} · ${formatInstant(m.receivedAt)} · ${VIA_NAMES[m.via] ?? m.via}` }),
        el('span', { class: 'docket-entry-text', text: m.subject ?? '(no subject)' }),
        el('span', { class: 'mail-kind', text: (KIND_WORDS[m.kind] ?? KIND_WORDS.unrecognised)(m) }),
        m.reason ? el('span', { class: 'note mail-reason', text: m.reason }) : null,
      ),
    ),
  );
}
