// The team dashboard: what is due, each item with its receipts, timeline and notifications,
// forms to record events, disclosure-notice countdowns, CSV export and personal calendar feeds.
// No framework; API data is only ever written with textContent (el()), never innerHTML.
import { courtIso, courtParts, el, formatDue, formatInstant, kindLabel, readJson } from '/format.js';
import { EVENT_TYPES } from '/event-types.js';
import { CREATE_KINDS, initCreate, showCreate } from '/create.js';
import { initDocket, loadEntries, loadProposals } from '/docket.js';
import { initMail, loadMail } from '/mail.js';
import { focusDay, initCalendar, loadMonth, showCalendar } from '/calendar.js';
import { initMatter, showMatter } from '/matter.js';
import { clockFigure } from '/clock.js';
import { initCalendarDays, refreshJobs, showCalendarDays } from '/calendar-days.js';

const TOKEN_KEY = 'docketwatch.token';
const PKCE_KEY = 'docketwatch.pkce';

const KIND_NAMES = {
  foia: 'FOIA request',
  privacy_act: 'Privacy Act request',
  record_production: 'Court-ordered production',
  filing: 'Filing',
  disclosure_notice: 'Disclosure notice',
};
const kindName = (k) => KIND_NAMES[k] ?? kindLabel(k);

const EVENT_LABELS = Object.fromEntries(Object.values(EVENT_TYPES).flat().map(([t, l]) => [t, l]));
EVENT_LABELS.submitted = 'Request submitted through Docketwatch';
EVENT_LABELS.created = 'Created';
EVENT_LABELS.deadline_missed = 'Deadline passed unmet';

const $ = (id) => document.getElementById(id);

const state = {
  token: null,
  user: null,
  /** Server clock minus the browser's: countdowns run on the server's time (CLOCK_START locally). */
  skewMs: 0,
  deadlines: [],
  matters: [],
  current: null,
  timers: [],
  feedId: null,
  /** What was just created, shown once on its page. */
  justCreated: null,
};

const serverNow = () => Date.now() + state.skewMs;

// ---- sign-in -------------------------------------------------------------------------------

function decodeClaims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return null;
  }
}

function useToken(token) {
  const claims = decodeClaims(token);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) return false;
  state.token = token;
  // Cognito puts groups in `cognito:groups`; the local sign-in in `groups`.
  const groups = claims['cognito:groups'] ?? claims.groups ?? [];
  state.user = { name: claims.name ?? claims.email ?? claims.sub, email: claims.email, sub: claims.sub, admin: Array.isArray(groups) && groups.includes('admin') };
  sessionStorage.setItem(TOKEN_KEY, token);
  return true;
}

function signOut(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.user = null;
  stopTimers();
  $('app').hidden = true;
  $('whoami').hidden = true;
  showSignIn(reason);
}

async function loadConfig() {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok) return null;
    const cfg = await readJson(res);
    return cfg?.cognito?.domain && cfg?.cognito?.clientId ? cfg : null;
  } catch {
    return null;
  }
}

let config = null;

async function showSignIn(reason) {
  $('signin').hidden = false;
  const r = $('signin-reason');
  r.hidden = !reason;
  r.textContent = reason ?? '';
  config ??= await loadConfig();
  $('signin-hosted').hidden = !config;
  $('signin-form').hidden = !!config;
  (config ? $('signin-hosted-button') : $('f-email')).focus();
}

async function devSignIn(event) {
  event.preventDefault();
  const input = $('f-email');
  const error = $('email-error');
  error.hidden = true;
  input.removeAttribute('aria-invalid');
  const email = input.value.trim();
  if (!email) return fieldError(input, error, 'Enter your email');
  $('signin-submit').disabled = true;
  try {
    const res = await fetch('/local-idp/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    const body = await readJson(res);
    if (!res.ok || !body?.token) return fieldError(input, error, body?.message ?? 'Sign-in failed');
    useToken(body.token);
    await start();
  } catch {
    fieldError(input, error, 'The server did not answer; try again');
  } finally {
    $('signin-submit').disabled = false;
  }
}

function fieldError(input, error, message) {
  error.textContent = message;
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', error.id);
  input.focus();
}

// Cognito hosted sign-in: authorization code with PKCE (RFC 7636). The verifier stays in this tab.
const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const redirectUri = () => `${location.origin}/dashboard`;

async function hostedSignIn() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const stateParam = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: stateParam, back: location.pathname }));
  const q = new URLSearchParams({
    response_type: 'code', client_id: config.cognito.clientId, redirect_uri: redirectUri(),
    scope: 'openid email profile', state: stateParam, code_challenge_method: 'S256', code_challenge: challenge,
  });
  location.assign(`https://${config.cognito.domain}/oauth2/authorize?${q}`);
}

/** Back from the hosted sign-in with ?code&state: exchange the code for tokens. */
async function finishHostedSignIn() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return false;
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', saved?.back ?? '/dashboard');
  config ??= await loadConfig();
  if (!saved || saved.state !== params.get('state') || !config) return false;
  const res = await fetch(`https://${config.cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.cognito.clientId, code, redirect_uri: redirectUri(), code_verifier: saved.verifier }),
  });
  const body = await readJson(res);
  // The ID token carries the audience the API's authorizer checks, and the person's name and groups.
  return res.ok && body?.id_token ? useToken(body.id_token) : false;
}

// ---- API -----------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail ?? body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, { method = 'GET', body, raw = false, headers = {} } = {}) {
  const res = await fetch(path, {
    method,
    headers: { ...headers, authorization: `Bearer ${state.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status === 401) {
    signOut('Your session has ended. Sign in again.');
    throw new ApiError(401, null);
  }
  if (raw) return res;
  const data = await readJson(res);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

// ---- what is due ---------------------------------------------------------------------------

function relative(ms) {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86400000);
  const h = Math.floor((abs % 86400000) / 3600000);
  const m = Math.floor((abs % 3600000) / 60000);
  const span = d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
  return ms < 0 ? `${span} ago` : `in ${span}`;
}

function countdown(ms) {
  if (ms <= 0) return 'closed';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h} h ${String(m).padStart(2, '0')} min ${String(sec).padStart(2, '0')} s left`;
}

function stopTimers() {
  for (const t of state.timers) clearInterval(t);
  state.timers = [];
}

function itemHref(item) {
  return `/dashboard/${item.collection}/${item.id}`;
}

function matterHref(id) {
  return `/dashboard/matters/${encodeURIComponent(id)}`;
}

function personName(id) {
  if (id === 'public') return 'Unassigned (web form)';
  for (const m of state.matters) for (const p of m.team ?? []) if (p.id === id) return p.name;
  return id;
}

function matterName(id) {
  return state.matters.find((m) => m.id === id)?.name ?? id;
}

function fillSelect(select, values, keep) {
  const current = keep ?? select.value;
  while (select.options.length > 1) select.remove(1);
  for (const [value, label] of values) select.append(el('option', { value, text: label }));
  select.value = values.some(([v]) => v === current) ? current : '';
}

function filterQuery() {
  // Missed deadlines of open items belong under "Overdue": the workflow marks a deadline missed
  // the moment it passes, and the team still has to act on it.
  const q = new URLSearchParams({ include: 'missed' });
  for (const name of ['matter', 'kind', 'agency', 'person', 'within']) {
    const v = $(`f-${name}`).value;
    if (v) q.set(name, v);
  }
  return q;
}

async function loadMatters() {
  let intake;
  try {
    const answer = await api('/api/matters');
    state.matters = answer.matters ?? [];
    intake = answer.intake;
  } catch (err) {
    if (err.status === 401) throw err;
    state.matters = [];
  }
  // Who public requests go to until someone files them under a matter (a deployment setting).
  const names = (intake?.team ?? []).map((p) => p.name);
  $('intake-team').textContent = names.length
    ? `Public requests not yet filed under a matter go to: ${names.join(', ')}.`
    : 'No one is set to receive public requests not yet filed under a matter (deployment setting intakeTeam).';
  $('intake-team').hidden = false;
  fillSelect($('f-matter'), state.matters.map((m) => [m.id, m.name]));
  for (const old of $('nav-list').querySelectorAll('.nav-matter')) old.remove();
  $('nav-list').append(...state.matters.map((m) => el('li', { class: 'nav-matter' }, el('a', { href: matterHref(m.id), text: m.name }))));
  const people = new Map();
  for (const m of state.matters) for (const p of m.team ?? []) people.set(p.id, p.name);
  fillSelect($('f-person'), [...people].sort((a, b) => a[1].localeCompare(b[1])));
}

/**
 * Countdowns and form defaults run on the server's clock (CLOCK_START locally), which the
 * deadline list reports. A page opened straight on an item or a form asks it once, cheaply.
 */
async function syncClock() {
  try {
    const data = await api('/api/deadlines?within=PT1M&kind=disclosure_notice');
    state.skewMs = Date.parse(data.now) - Date.now();
  } catch {
    // Countdowns fall back to this device's clock.
  }
}

async function loadDue() {
  const status = $('due-status');
  const error = $('due-error');
  status.textContent = 'Loading…';
  error.hidden = true;
  const q = filterQuery();
  let data;
  try {
    data = await api(`/api/deadlines?${q}`);
  } catch (err) {
    if (err.status === 401) return;
    status.textContent = '';
    error.textContent = `Could not load deadlines: ${err.message}`;
    error.hidden = false;
    return;
  }
  state.skewMs = Date.parse(data.now) - Date.now();
  state.deadlines = data.deadlines ?? [];
  // Agencies seen in the answer; keep the chosen one even when the filter hides the others.
  const agencies = [...new Set(state.deadlines.map((d) => d.item.agency).filter(Boolean))].sort();
  if ($('f-agency').value && !agencies.includes($('f-agency').value)) agencies.push($('f-agency').value);
  fillSelect($('f-agency'), agencies.map((a) => [a, a]));
  renderDue();
  const n = state.deadlines.length;
  status.textContent = n === 0 ? 'No open deadlines match these filters.' : `${n} open deadline${n === 1 ? '' : 's'}.`;
}

function dueCard(d) {
  const notice = d.item.kind === 'disclosure_notice';
  const li = el('li', { class: `due-card bucket-${d.bucket}${notice ? ' is-notice' : ''}` });
  const when = el('span', { class: 'due-when', 'data-due-instant': notice ? countdownInstant(d) : d.dueInstant });
  li.append(
    el('a', { class: 'due-title', href: itemHref(d.item), text: d.item.title }),
    el('span', { class: 'due-label', text: d.status === 'missed' ? `${d.label} (passed unmet)` : d.label }),
    el('span', { class: 'due-date' }, el('time', { datetime: d.due, text: formatDue(d.due) }), ' · ', when),
    el('span', { class: 'due-meta', text: [kindName(d.item.kind), d.item.agency, d.item.phaseLabel, `Owner: ${personName(d.item.owner)}`].filter(Boolean).join(' · ') }),
  );
  if (d.alternative) li.append(el('span', { class: 'due-alt', text: `Another reading: ${formatDue(d.alternative.due)}` }));
  return li;
}

function renderDue() {
  stopTimers();
  for (const b of ['overdue', 'today', 'week', 'later']) {
    const list = $(`l-${b}`);
    list.replaceChildren();
    const entries = state.deadlines.filter((d) => d.bucket === b);
    for (const d of entries) list.append(dueCard(d));
    if (entries.length === 0) list.append(el('li', { class: 'empty', text: 'Nothing.' }));
    $(`c-${b}`).textContent = `(${entries.length})`;
  }
  renderNoticeAlerts();
  tickRelative();
  state.timers.push(setInterval(tickRelative, 1000));
}

function tickRelative() {
  const now = serverNow();
  for (const node of document.querySelectorAll('[data-due-instant]')) {
    const ms = Date.parse(node.dataset.dueInstant) - now;
    node.textContent = node.dataset.countdown ? countdown(ms) : relative(ms);
  }
}

/**
 * A notice window's earlier end: its alternative reading (bare elapsed hours) when that comes
 * before the binding end, since the agency may act then. Countdowns run to it while it is ahead.
 */
function earliestOf(d) {
  const alt = d.alternative && d.alternative.due.includes('T') ? Date.parse(d.alternative.due) : NaN;
  return !Number.isNaN(alt) && alt < Date.parse(d.dueInstant) ? { instant: new Date(alt).toISOString(), due: d.alternative.due, reason: d.alternative.reason } : undefined;
}

/** Where a notice's countdown points now: the earliest end until it passes, then the binding end. */
function countdownInstant(d) {
  const early = earliestOf(d);
  return early && Date.parse(early.instant) > serverNow() ? early.instant : d.dueInstant;
}

/** Both ends of a notice window, each with its reason (nothing when there is only one). */
function noticeEnds(d) {
  const early = earliestOf(d);
  if (!early) return [];
  return [
    el('p', { class: 'notice-end earliest' }, el('strong', { text: 'Earliest end: ' }), `${formatDue(early.due)}. ${early.reason}`),
    el('p', { class: 'notice-end binding' }, el('strong', { text: 'Binding end: ' }), `${formatDue(d.due)}, as ${d.citation} counts it.`),
  ];
}

function renderNoticeAlerts() {
  const open = state.deadlines.filter((d) => d.item.kind === 'disclosure_notice' && Date.parse(d.dueInstant) > serverNow());
  const list = $('notices-list');
  list.replaceChildren();
  for (const d of open) {
    const early = earliestOf(d);
    list.append(el('li', {},
      el('a', { href: itemHref(d.item), text: d.item.title }),
      el('span', { class: 'notice-due', text: early ? ` may close as early as ${formatDue(early.due)} (binding end ${formatDue(d.due)}): ` : ` closes ${formatDue(d.due)}: ` }),
      el('span', { class: 'countdown', role: 'timer', 'aria-live': 'off', 'data-due-instant': countdownInstant(d), 'data-countdown': '1' }),
      ...noticeEnds(d),
    ));
  }
  $('notices').hidden = open.length === 0;
}

// ---- one item ------------------------------------------------------------------------------

function fact(label, value) {
  return el('div', {}, el('dt', { text: label }), el('dd', { text: value ?? '—' }));
}

function receiptList(receipt) {
  const ol = el('ol', { class: 'computation' });
  for (const r of receipt ?? []) {
    ol.append(el('li', {}, r.date ? el('span', { class: 'step-date', text: `${r.date}: ` }) : null, r.text));
  }
  return ol;
}

function deadlineItem(d, notice) {
  const li = el('li', { class: `deadline status-${d.status}${d.status === 'open' ? ' primary' : ''}` });
  li.append(
    el('span', { class: 'deadline-label', text: `${d.label}` }),
    el('span', { class: 'deadline-due' }, el('time', { datetime: d.due, text: formatDue(d.due) })),
    el('span', { class: 'deadline-status', text: `Status: ${d.status}${d.status === 'open' ? '' : ''} · ${d.citation}` }),
  );
  if (d.status === 'open') {
    li.append(el('span', { class: notice ? 'countdown' : 'due-when', 'data-due-instant': notice ? countdownInstant(d) : d.dueInstant, ...(notice ? { 'data-countdown': '1', role: 'timer', 'aria-live': 'off' } : {}) }));
    if (notice) li.append(...noticeEnds(d));
  }
  if (d.alternative) {
    li.append(el('p', { class: 'alternative' }, el('strong', { text: 'Alternative reading: ' }), `${formatDue(d.alternative.due)}. ${d.alternative.reason}`));
  }
  // The picture for day deadlines; an hour window has its countdown instead.
  const picture = d.due.includes('T') ? null : clockFigure(d, { todayIso: courtParts(serverNow()).date, id: `clock-${d.id}` });
  if (picture) li.append(picture);
  const details = el('details', { class: 'receipt' }, el('summary', { text: 'How this date was computed' }), receiptList(d.receipt),
    el('p', { class: 'note', text: `Calendar version ${d.calendarVersion}` }));
  li.append(details);
  return li;
}

async function openItem(collection, id, { focus = true } = {}) {
  stopTimers();
  showView('item-view');
  const created = state.justCreated?.id === id ? state.justCreated.message : null;
  state.justCreated = null;
  $('item-created').hidden = !created;
  $('item-created').textContent = created ?? '';
  $('item-error').hidden = true;
  $('item-title').textContent = 'Loading…';
  for (const n of ['item-facts', 'item-deadlines', 'item-events', 'item-notifications']) $(n).replaceChildren();
  $('item-notice').hidden = true;
  $('event-form').hidden = true;
  let item;
  try {
    item = await api(`/api/${collection}/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err.status === 401) return;
    $('item-title').textContent = 'Item not available';
    $('item-error').textContent = err.status === 404 ? 'No item with this id.' : `Could not load the item: ${err.message}`;
    $('item-error').hidden = false;
    if (focus) $('item-title').focus();
    return;
  }
  state.current = { collection, id, item };
  renderItem(item);
  if (focus) $('item-title').focus();
  void loadNotifications(id);
}

function renderItem(item) {
  stopTimers();
  const notice = item.kind === 'disclosure_notice';
  document.title = `${item.title} | Docketwatch`;
  $('item-title').textContent = item.title;
  $('item-facts').replaceChildren(
    fact('Kind', kindName(item.kind)),
    el('div', {}, el('dt', { text: 'Matter' }), el('dd', {}, el('a', { href: matterHref(item.matterId), text: matterName(item.matterId) }))),
    ...(item.agency ? [fact('Agency', item.agency)] : []),
    fact('Phase', item.phaseLabel ?? item.phase),
    fact('Owner', personName(item.owner)),
    fact('Received', item.receivedAt ? formatDue(item.receivedAt) : undefined),
    ...(item.summary ? [fact('Notice says', item.summary)] : []),
    ...(item.workflow ? [fact('Workflow', item.workflow.state)] : []),
    ...(item.attention ? [fact('Needs attention', item.attention.reason)] : []),
  );
  $('item-facts').querySelector('div:nth-child(4) dd')?.classList.add('phase');

  const deadlines = item.deadlines ?? [];
  $('item-deadlines').replaceChildren(...(deadlines.length ? deadlines.map((d) => deadlineItem(d, notice)) : [el('li', { class: 'empty', text: 'No deadlines.' })]));

  const openNotice = notice && deadlines.find((d) => d.status === 'open' && Date.parse(d.dueInstant) > serverNow());
  $('item-notice').hidden = !openNotice;
  if (openNotice) {
    const early = earliestOf(openNotice);
    $('item-notice-due').textContent = early ? `as early as ${formatDue(early.due)} (binding end ${formatDue(openNotice.due)})` : formatDue(openNotice.due);
    const c = $('item-notice-countdown');
    c.dataset.dueInstant = countdownInstant(openNotice);
    c.dataset.countdown = '1';
  }

  const events = [...(item.events ?? [])].sort((a, b) => a.seq - b.seq);
  $('item-events').replaceChildren(...events.map((e) => el('li', {},
    el('span', { class: 'event-label', text: EVENT_LABELS[e.type] ?? e.type }),
    el('time', { datetime: e.at, text: formatInstant(e.at) }),
    el('span', { class: 'note', text: `recorded by ${e.recordedBy === 'public' ? 'the requester (web form)' : personName(e.recordedBy)}${e.public ? ' · shown to the requester' : ''}` }),
    ...eventData(e.data),
  )));
  if (events.length === 0) $('item-events').append(el('li', { class: 'empty', text: 'No events yet.' }));

  setupEventForm(item);
  tickRelative();
  state.timers.push(setInterval(tickRelative, 1000));
}

function eventData(data) {
  const entries = Object.entries(data ?? {}).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object');
  return entries.length ? [el('span', { class: 'event-data', text: entries.map(([k, v]) => `${k}: ${v}`).join(' · ') })] : [];
}

async function loadNotifications(id) {
  const box = $('item-notifications');
  box.replaceChildren(el('p', { class: 'note', text: 'Loading…' }));
  let data;
  try {
    data = await api(`/api/notifications?item=${encodeURIComponent(id)}`);
  } catch (err) {
    if (err.status === 401) return;
    box.replaceChildren(el('p', { class: 'note', text: `Could not load notifications: ${err.message}` }));
    return;
  }
  if (state.current?.id !== id) return;
  const list = (data?.notifications ?? []).filter((n) => !n.itemId || n.itemId === id);
  if (list.length === 0) return box.replaceChildren(el('p', { class: 'note', text: 'None sent yet.' }));
  const ul = el('ul', { class: 'notification-list' });
  for (const n of list) {
    ul.append(el('li', {},
      el('span', { class: 'event-label', text: n.subject ?? n.kind }),
      el('time', { datetime: n.sentAt, text: n.sentAt ? formatInstant(n.sentAt) : '' }),
      el('span', { class: 'note', text: [n.channel === 'email' ? `e-mail sent to ${personName(n.recipient)}` : n.recipient ? `to ${personName(n.recipient)}` : null, n.kind, n.rung].filter(Boolean).join(' · ') }),
      ...(n.messageId ? [el('span', { class: 'note message-id', text: `Message-ID ${n.messageId}` })] : []),
    ));
  }
  box.replaceChildren(ul);
}

// ---- recording events ------------------------------------------------------------------------

/** The court's wall-clock time now, for a datetime-local default. */
function courtLocalNow() {
  const { date, time } = courtParts(serverNow());
  return `${date}T${time}`;
}

/** A datetime-local value read as the court's wall-clock time, as ISO with offset (null: no such time). */
function courtLocalIso(local) {
  return courtIso(local.slice(0, 10), local.slice(11, 16));
}

function setupEventForm(item) {
  const form = $('event-form');
  const types = EVENT_TYPES[state.current.collection] ?? [];
  form.hidden = item.status === 'closed' || types.length === 0;
  const select = $('e-type');
  const keep = select.value;
  select.replaceChildren(el('option', { value: '', text: 'Choose…' }), ...types.map(([v, l]) => el('option', { value: v, text: l })));
  select.value = types.some(([v]) => v === keep) ? keep : '';
  if (!$('e-at').value) $('e-at').value = courtLocalNow();
  renderEventFields();
  clearEventErrors();
}

function renderEventFields() {
  const type = $('e-type').value;
  const spec = (EVENT_TYPES[state.current?.collection] ?? []).find(([v]) => v === type);
  const box = $('event-fields');
  box.replaceChildren();
  for (const f of spec?.[2] ?? []) {
    const id = `e-${f.name}`;
    const field = el('div', { class: 'field', 'data-field': f.name });
    const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    let input;
    if (f.type === 'select') {
      input = el('select', { id, name: f.name, required: f.required, 'aria-required': f.required ? 'true' : undefined },
        el('option', { value: '', text: 'Choose…' }), ...f.options.map(([v, l]) => el('option', { value: v, text: l })));
    } else if (f.type === 'checkbox') {
      input = el('input', { type: 'checkbox', id, name: f.name });
      field.className = 'field choice';
      field.append(input, el('label', { for: id, text: f.label }), error);
      box.append(field);
      continue;
    } else {
      input = el('input', { type: f.type, id, name: f.name, required: f.required, 'aria-required': f.required ? 'true' : undefined, min: f.min, max: f.max, inputmode: f.type === 'number' ? 'numeric' : undefined });
    }
    field.append(el('label', { for: id, text: f.label + (f.required ? '' : ' (optional)') }), error, input);
    box.append(field);
  }
}

function clearEventErrors() {
  $('event-summary').hidden = true;
  $('event-status').textContent = '';
  for (const e of $('event-form').querySelectorAll('.field-error')) {
    e.hidden = true;
    e.textContent = '';
  }
  for (const i of $('event-form').querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  for (const f of $('event-form').querySelectorAll('.field.has-error')) f.classList.remove('has-error');
}

/** Shows server field errors next to their fields; the rest in the summary. */
function showEventErrors(detail, errors) {
  const list = $('event-summary-list');
  list.replaceChildren();
  for (const { field, message } of errors ?? []) {
    const name = String(field).split(/[.[\]/]/).filter(Boolean).pop() ?? '';
    const input = $('event-form').querySelector(`[name="${CSS.escape(name)}"]`);
    const error = input ? $(`${input.id}-error`) : null;
    if (input && error) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.closest('.field')?.classList.add('has-error');
      list.append(el('li', {}, el('a', { href: `#${input.id}`, text: `${input.labels?.[0]?.textContent ?? name}: ${message}` })));
    } else {
      list.append(el('li', { text: `${field}: ${message}` }));
    }
  }
  $('event-summary-detail').textContent = detail ?? '';
  $('event-summary').hidden = false;
  $('event-summary').focus();
}

async function submitEvent(event) {
  event.preventDefault();
  clearEventErrors();
  const { collection, id } = state.current ?? {};
  if (!collection) return;
  const type = $('e-type').value;
  const at = $('e-at').value;
  const local = [];
  if (!type) local.push({ field: 'type', message: 'Choose what happened' });
  if (!at) local.push({ field: 'at', message: 'Give the date and time' });
  const atIso = at ? courtLocalIso(at) : '';
  if (at && !atIso) local.push({ field: 'at', message: 'This time does not exist in Eastern Time (the clocks went forward that night)' });
  const body = { type, at: atIso ?? '' };
  const spec = (EVENT_TYPES[collection] ?? []).find(([v]) => v === type);
  for (const f of spec?.[2] ?? []) {
    const input = $(`e-${f.name}`);
    if (f.type === 'checkbox') body[f.name] = input.checked;
    else if (input.value === '') {
      if (f.required) local.push({ field: f.name, message: 'This is required' });
    } else if (f.type === 'number') body[f.name] = Number(input.value);
    else if (f.boolean) body[f.name] = input.value === 'true';
    else body[f.name] = input.value.trim();
  }
  if (local.length) return showEventErrors('Some fields need attention.', local);
  $('event-submit').disabled = true;
  $('event-status').textContent = 'Recording…';
  try {
    const updated = await api(`/api/${collection}/${encodeURIComponent(id)}/events`, { method: 'POST', body });
    state.current.item = updated;
    $('e-type').value = '';
    renderItem(updated);
    $('event-status').textContent = `Recorded: ${EVENT_LABELS[type] ?? type}.`;
  } catch (err) {
    if (err.status === 401) return;
    $('event-status').textContent = '';
    if (err.status === 409) {
      showEventErrors(`This event does not fit the item’s phase: ${err.body?.detail ?? err.message}`, []);
    } else {
      showEventErrors(err.body?.detail ?? err.message, err.body?.errors);
    }
  } finally {
    $('event-submit').disabled = false;
  }
}

// ---- export and feeds ------------------------------------------------------------------------

async function downloadCsv() {
  const status = $('tools-status');
  status.textContent = 'Preparing the export…';
  try {
    const res = await api('/api/export.csv', { raw: true });
    if (!res.ok) throw new ApiError(res.status, await readJson(res));
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'docketwatch.csv';
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    status.textContent = `Downloaded ${name}.`;
  } catch (err) {
    if (err.status !== 401) status.textContent = `Export failed: ${err.message}`;
  }
}

const feedName = (f) => f.label ? `“${f.label}”` : 'Feed';

/** The signed-in member's own feeds, newest first, each live one with a revoke button. */
async function loadFeeds() {
  const list = $('feeds-list');
  let feeds;
  try {
    feeds = (await api('/api/feeds')).feeds ?? [];
  } catch (err) {
    if (err.status === 401) return;
    list.replaceChildren(el('li', { class: 'note', text: `Could not load your feeds: ${err.message}` }));
    return;
  }
  state.feeds = feeds;
  if (feeds.length === 0) return list.replaceChildren(el('li', { class: 'empty', text: 'You have no calendar feeds.' }));
  list.replaceChildren(...feeds.map((f) => {
    const created = `created ${formatInstant(f.createdAt)}`;
    const li = el('li', { class: `feed-row${f.revokedAt ? ' is-revoked' : ''}`, 'data-feed-id': f.id },
      el('span', { class: 'feed-name', text: feedName(f) }),
      el('span', { class: 'note', text: f.revokedAt ? `${created} · revoked ${formatInstant(f.revokedAt)}` : `${created} · live` }));
    if (!f.revokedAt) {
      const button = el('button', { type: 'button', class: 'button secondary feed-revoke', text: 'Revoke', 'aria-label': `Revoke the feed${f.label ? ` “${f.label}”` : ''} ${created}` });
      button.addEventListener('click', () => void revokeFeed(f.id));
      li.append(button);
    }
    return li;
  }));
}

async function createFeed() {
  const status = $('tools-status');
  try {
    const feed = await api('/api/feeds', { method: 'POST', body: { label: 'Dashboard' } });
    state.feedId = feed.id;
    $('feed-url').value = feed.url || `${location.origin}${feed.path}`;
    $('feed').hidden = false;
    $('feed-url').focus();
    $('feed-url').select();
    status.textContent = 'Feed created. Copy the address now: it is not shown again.';
    await loadFeeds();
  } catch (err) {
    if (err.status !== 401) status.textContent = `Could not create a feed: ${err.message}`;
  }
}

async function revokeFeed(id = state.feedId) {
  const status = $('tools-status');
  if (!id) return;
  try {
    await api(`/api/feeds/${encodeURIComponent(id)}`, { method: 'DELETE', raw: true }).then(async (res) => {
      if (!res.ok) throw new ApiError(res.status, await readJson(res));
    });
    if (id === state.feedId) {
      state.feedId = null;
      $('feed').hidden = true;
      $('feed-url').value = '';
    }
    status.textContent = 'Feed revoked: calendar apps can no longer read it.';
    await loadFeeds();
    $('feed-create').focus();
  } catch (err) {
    if (err.status !== 401) status.textContent = `Could not revoke the feed: ${err.message}`;
  }
}

// ---- routing ---------------------------------------------------------------------------------

const ITEM_PATH = /^\/dashboard\/(requests|filings|notices|productions)\/([0-9A-Za-z]+)\/?$/;
const CREATE_PATH = /^\/dashboard\/new\/(notice|filing|production|request)\/?$/;
const DAYS_PATH = /^\/dashboard\/calendar-days\/?$/;

const CALENDAR_PATH = /^\/dashboard\/calendar\/?$/;
const MATTER_PATH = /^\/dashboard\/matters\/([^/]+)\/?$/;
/** The page views; route() shows one and hides the others. */
const VIEWS = ['due-view', 'create-view', 'item-view', 'calendar-view', 'matter-view', 'days-view'];

function showView(id) {
  for (const v of VIEWS) $(v).hidden = v !== id;
  // One filter form for the list and the calendar: it goes where it is used.
  if (id === 'calendar-view') $('calendar-filters-slot').append($('filters'));
  else if (id === 'due-view') filtersHome.parent.insertBefore($('filters'), filtersHome.next);
}

/** Reloads whichever filtered view is showing. */
function refresh() {
  if (!$('calendar-view').hidden) return void loadMonth();
  void loadDue();
}

async function route({ focus = true, focusCalendarDay = false } = {}) {
  const m = ITEM_PATH.exec(location.pathname);
  if (m) {
    showView('item-view');
    return openItem(m[1], m[2], { focus });
  }
  state.current = null;
  const c = CREATE_PATH.exec(location.pathname);
  if (c) {
    stopTimers();
    showView('create-view');
    const heading = showCreate(c[1]);
    if (focus) heading.focus();
    return;
  }
  if (CALENDAR_PATH.test(location.pathname)) {
    stopTimers();
    showView('calendar-view');
    await showCalendar(location.search);
    if (focusCalendarDay) focusDay();
    else if (focus) $('calendar-title').focus();
    return;
  }
  const matter = MATTER_PATH.exec(location.pathname);
  if (matter) {
    stopTimers();
    showView('matter-view');
    await showMatter(decodeURIComponent(matter[1]));
    if (focus) $('matter-title').focus();
    return;
  }
  if (DAYS_PATH.test(location.pathname)) {
    stopTimers();
    document.title = 'Calendar days | Docketwatch';
    showView('days-view');
    await showCalendarDays();
    if (focus) $('days-title').focus();
    return;
  }
  document.title = 'What is due | Docketwatch';
  showView('due-view');
  await Promise.all([loadDue(), loadFeeds(), loadProposals(), loadMail()]);
  if (focus) $('due-title').focus();
}

/** After a 201: open the new item (a notice's countdown shows at once), with a word on what was done. */
function created(collection, item) {
  const due = (item.deadlines ?? []).find((d) => d.status === 'open') ?? item.deadlines?.[0];
  const when = due ? ` ${due.label}: ${formatDue(due.due)}.` : '';
  const messages = {
    notices: `Notice logged. The 24-hour window is running.${when}`,
    filings: `Filing created.${when}`,
    productions: `Production created.${when}`,
    requests: `Request logged.${when} Tracking code for the requester: ${item.trackingCode} (it opens their tracking page: give it only to them).`,
  };
  state.justCreated = { id: item.id, message: messages[collection] ?? 'Created.' };
  navigate(`/dashboard/${collection}/${item.id}`);
  // The list (and the open-notice banner above every page) now has one more deadline.
  void loadDue();
}

function navigate(href, { focusDay: day } = {}) {
  history.pushState(null, '', href);
  void route({ focusCalendarDay: Boolean(day) });
}

async function start() {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('whoami').hidden = false;
  $('whoami-name').textContent = state.user?.name ?? '';
  try {
    await loadMatters();
  } catch {
    return;
  }
  if (location.pathname.replace(/\/+$/, '') !== '/dashboard') await syncClock();
  await route({ focus: false });
  // The banner above every page: a recomputation under way.
  void refreshJobs();
  const create = CREATE_PATH.exec(location.pathname);
  const heading = ITEM_PATH.test(location.pathname) ? $('item-title')
    : create ? $(`${CREATE_KINDS[create[1]].form}-title`)
    : CALENDAR_PATH.test(location.pathname) ? $('calendar-title')
    : MATTER_PATH.test(location.pathname) ? $('matter-title')
    : DAYS_PATH.test(location.pathname) ? $('days-title')
    : $('due-title');
  heading.focus();
}

/** Where the filter form lives in the list view, to put it back after the calendar borrowed it. */
let filtersHome;

function wire() {
  filtersHome = { parent: $('filters').parentNode, next: $('filters').nextSibling };
  initCalendar({ api, filterQuery, itemHref, kindName, serverNow, navigate });
  initMatter({ api, itemHref, kindName });
  initCreate({ api, serverNow, matters: () => state.matters, created });
  initDocket({ api, matters: () => state.matters, changed: () => void loadDue() });
  initMail({ api, changed: () => void loadDue() });
  initCalendarDays({ api, isAdmin: () => state.user?.admin === true, changed: () => void loadDue() });
  $('docket-entries-box').addEventListener('toggle', () => void ($('docket-entries-box').open && loadEntries()));
  $('signin-form').addEventListener('submit', devSignIn);
  $('signin-hosted-button').addEventListener('click', () => void hostedSignIn());
  $('sign-out').addEventListener('click', () => signOut('You are signed out.'));
  $('filters').addEventListener('change', () => refresh());
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    refresh();
  });
  $('export-csv').addEventListener('click', () => void downloadCsv());
  $('feed-create').addEventListener('click', () => void createFeed());
  $('feed-revoke').addEventListener('click', () => void revokeFeed(state.feedId));
  $('e-type').addEventListener('change', () => {
    renderEventFields();
  });
  $('event-form').addEventListener('submit', submitEvent);
  // In-page links to items and back: no reload, focus moves to the new heading.
  document.addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href^="/dashboard"]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  addEventListener('popstate', () => void route());
}

async function main() {
  wire();
  if (await finishHostedSignIn().catch(() => false)) return start();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && useToken(saved)) return start();
  sessionStorage.removeItem(TOKEN_KEY);
  await showSignIn(saved ? 'Your session has ended. Sign in again.' : undefined);
}

void main();
