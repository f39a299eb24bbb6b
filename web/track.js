// The public tracking page at /track/<code>: one request's public view (phase, next deadline,
// public history) and a small form to look up another code. Nothing else is shown.
import {
  datetimeAttr, el, formatDue, formatInstant, formatInstantDate, kindLabel, readJson, retryAfterSeconds,
} from '/format.js';

const form = document.getElementById('track-form');
const input = document.getElementById('f-code');
const codeError = document.getElementById('code-error');
const status = document.getElementById('track-status');
const notFound = document.getElementById('not-found');
const problem = document.getElementById('track-error');
const result = document.getElementById('result');

/** The code from `/track/<code>`; `?code=` is the no-rewrite fallback of the form's action. */
function codeFromLocation() {
  const match = /^\/track\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    try {
      return decodeURIComponent(match[1]).trim();
    } catch {
      return match[1];
    }
  }
  return (new URLSearchParams(location.search).get('code') ?? '').trim();
}

/** Accept a pasted tracking link as well as the bare code. */
function cleanCode(text) {
  const trimmed = text.trim();
  const inLink = /\/track\/([^/?#\s]+)/.exec(trimmed);
  if (inLink) {
    try {
      return decodeURIComponent(inLink[1]);
    } catch {
      return inLink[1];
    }
  }
  return trimmed;
}

function setCodeError(message) {
  codeError.replaceChildren(...(message ? [el('span', { class: 'visually-hidden', text: 'Error: ' }), message] : []));
  codeError.hidden = !message;
  form.querySelector('.field').classList.toggle('has-error', Boolean(message));
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'code-error code-hint');
  } else {
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'code-hint');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = cleanCode(input.value);
  if (code === '') {
    setCodeError('Enter the tracking code from your receipt.');
    input.focus();
    return;
  }
  setCodeError('');
  if (code === codeFromLocation()) {
    void lookup(code);
    return;
  }
  location.assign(`/track/${encodeURIComponent(code)}`);
});

function showOnly(section) {
  for (const node of [notFound, problem, result]) node.hidden = node !== section;
  if (section) section.focus();
}

function showProblem(text) {
  document.getElementById('track-error-detail').textContent = text;
  showOnly(problem);
}

async function lookup(code) {
  status.textContent = 'Looking up your request…';
  status.hidden = false;
  showOnly(null);
  let response;
  try {
    response = await fetch(`/api/track/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
  } catch {
    status.hidden = true;
    showProblem('We could not reach the server. Check your connection and try again.');
    return;
  }
  const data = await readJson(response);
  status.hidden = true;
  status.textContent = '';
  if (response.status === 200 && data) {
    render(data, code);
  } else if (response.status === 404 || response.status === 400) {
    // A malformed code cannot match a request either: same answer, nothing to enumerate.
    document.title = 'No request with that tracking code | Docketwatch';
    showOnly(notFound);
  } else if (response.status === 429) {
    const wait = retryAfterSeconds(response);
    showProblem(`Too many look-ups from your connection just now. Please wait ${wait ? `${wait} seconds` : 'a minute'} and try again.`);
  } else {
    showProblem('Something went wrong on our side. Please try again in a few minutes.');
  }
}

function render(data, code) {
  document.getElementById('result-code').textContent = String(data.trackingCode ?? code);
  document.getElementById('result-kind').textContent = kindLabel(data.kind);
  document.getElementById('result-agency').textContent = String(data.agency ?? '');
  document.getElementById('result-received').replaceChildren(
    el('time', { datetime: datetimeAttr(data.receivedAt), text: formatInstantDate(data.receivedAt) }));
  document.getElementById('result-phase').textContent = String(data.phaseLabel ?? data.phase ?? '');

  const next = data.nextDeadline;
  const deadlineBox = document.getElementById('result-deadline');
  if (next && next.due) {
    deadlineBox.replaceChildren(
      el('p', { class: 'deadline-due' }, el('time', { datetime: datetimeAttr(next.due), text: formatDue(next.due) })),
      el('p', { class: 'deadline-label', text: String(next.label ?? next.rule ?? '') }));
  } else {
    deadlineBox.replaceChildren(el('p', { text: 'No open deadline.' }));
  }

  const events = Array.isArray(data.events) ? [...data.events] : [];
  // Oldest first, whatever order the API sends; equal times keep their order.
  events.sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0));
  const list = document.getElementById('result-events');
  list.replaceChildren(...events.map((event) => el('li', {},
    el('time', { datetime: datetimeAttr(event.at), text: formatInstant(event.at) }),
    el('span', { class: 'event-label', text: String(event.label ?? event.type ?? '') }))));
  if (events.length === 0) list.append(el('li', { text: 'Nothing recorded yet.' }));

  document.title = `${String(data.phaseLabel ?? 'Status')}: tracking | Docketwatch`;
  showOnly(result);
}

const initial = codeFromLocation();
if (initial !== '') {
  input.value = initial;
  void lookup(initial);
}
