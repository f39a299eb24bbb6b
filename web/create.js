// The dashboard's forms that create items: a 24-hour disclosure notice (the urgent one), a
// filing from a trigger and a court rule (or from a trigger set: every deadline an event sets,
// each offered with its receipt and kept or dropped), a court-ordered production, and a record request
// logged by the team on someone's behalf. Dates and times are typed in Eastern Time (the
// court's) and sent as ISO date-times with the offset in force then. The server validates;
// its field errors are shown next to the fields they name. No framework, no innerHTML.
import { courtIso, courtParts, el, formatDue } from '/format.js';

const $ = (id) => document.getElementById(id);

/** Route segment → form, API collection, and what a success message calls the new item. */
export const CREATE_KINDS = {
  notice: { form: 'notice-form', prefix: 'n', collection: 'notices', button: 'notice-submit', status: 'notice-status' },
  filing: { form: 'filing-form', prefix: 'fl', collection: 'filings', button: 'filing-submit', status: 'filing-status' },
  production: { form: 'production-form', prefix: 'p', collection: 'productions', button: 'production-submit', status: 'production-status' },
  request: { form: 'request-form', prefix: 'r', collection: 'requests', button: 'request-submit', status: 'request-status' },
};

/** The parameters each court rule reads besides the trigger (core/deadlines/court.ts). */
const RULE_PARAMS = {
  'frcp6.days': ['days', 'direction'],
  'frcp6.hours': ['hours'],
  'frcp6.days+mail': ['days'],
  'court_order.fixed': ['days', 'date', 'direction'],
  'lcvr7n.certified_list': ['motion'],
};
const PARAM_INPUTS = { days: 'fl-days', hours: 'fl-hours', date: 'fl-date', direction: 'fl-direction', motion: 'fl-motion' };
/** Rules whose text lets the Court set another time ("unless the Court orders otherwise"): `days` is then the Court's. */
const COURT_SET = new Set([
  'lcvr7b.opposition', 'lcvr7d.reply', 'lcvr65.1.pi_opposition', 'lcvr7n.certified_list', 'frcp12a1.answer', 'frcp12a2.answer_us',
  'frcp15a3.respond_amended', 'frcp33.answers', 'frcp34.responses', 'frcp36.admissions', 'frcp54d2.fees', 'frap40.rehearing_us',
]);
/** The trigger a rule usually counts from, chosen for the user until they choose themselves. */
const RULE_TRIGGER = {
  'lcvr7b.opposition': 'motion_served',
  'lcvr7d.reply': 'motion_served',
  'lcvr65.1.pi_opposition': 'motion_served',
  'lcvr7n.certified_list': 'answer_served',
  'frcp12a2.answer_us': 'complaint_served',
  'frcp12a1.answer': 'complaint_served',
  'frcp15a3.respond_amended': 'motion_served',
  'frcp33.answers': 'motion_served',
  'frcp34.responses': 'motion_served',
  'frcp36.admissions': 'motion_served',
  'frcp72.objections': 'order_entered',
  'frcp54d2.fees': 'judgment_entered',
  'frcp59e.alter_amend': 'judgment_entered',
  'frap4a1a.appeal': 'judgment_entered',
  'frap4.appeal_us': 'judgment_entered',
  'frap40.rehearing_us': 'judgment_entered',
  'supct13.cert': 'judgment_entered',
  'court_order.fixed': 'order_entered',
};
const NO_SUCH_TIME = 'This time does not exist in Eastern Time (the clocks went forward that night)';

let deps;
/** A request's Idempotency-Key, kept across retries of the same submission. */
let requestKey = null;
/** The trigger sets the server knows (GET /api/trigger-sets), loaded when first needed. */
let triggerSets = null;
/** The deadlines last offered for the chosen set and trigger; cleared when either changes. */
let offered = null;

export function initCreate(d) {
  deps = d;
  for (const [kind, spec] of Object.entries(CREATE_KINDS)) {
    $(spec.form).addEventListener('submit', (e) => {
      e.preventDefault();
      void submit(kind);
    });
  }
  $('fl-rule').addEventListener('change', () => {
    const trigger = $('fl-triggerType');
    const suggested = RULE_TRIGGER[$('fl-rule').value];
    if (suggested && trigger.dataset.chosen !== 'yes') trigger.value = suggested;
    showRuleParams();
  });
  $('fl-courtSet').addEventListener('change', showRuleParams);
  $('fl-triggerType').addEventListener('change', () => {
    $('fl-triggerType').dataset.chosen = 'yes';
  });
  for (const radio of document.querySelectorAll('input[name="filingMode"]')) radio.addEventListener('change', () => void showFilingMode());
  $('fl-triggerSet').addEventListener('change', () => {
    showSetFlags();
    clearOffer();
  });
  for (const id of ['fl-usParty', 'fl-triggerAt-date', 'fl-triggerAt-time', 'fl-service']) $(id).addEventListener('change', () => setMode() && clearOffer());
  $('fl-preview').addEventListener('click', () => void previewSet());
  for (const radio of document.querySelectorAll('input[name="basis"]')) radio.addEventListener('change', showBasis);
  for (const flag of ['feeWaiver', 'expedited']) $(`r-${flag}`).addEventListener('change', showJustifications);
  $('request-form').addEventListener('input', () => {
    requestKey = null; // a changed request is a new request
  });
  // Links in an error summary move focus to their field without touching the address.
  for (const spec of Object.values(CREATE_KINDS)) {
    $(`${spec.prefix}-error-summary-list`).addEventListener('click', (e) => {
      const a = e.target.closest?.('a[href^="#"]');
      if (!a) return;
      e.preventDefault();
      $(a.getAttribute('href').slice(1))?.focus();
    });
  }
  showRuleParams();
  showBasis();
  showJustifications();
}

/** Shows the form for `kind` (notice, filing, production, request) with fresh defaults. */
export function showCreate(kind) {
  const spec = CREATE_KINDS[kind];
  for (const s of Object.values(CREATE_KINDS)) $(s.form).hidden = s !== spec;
  const form = $(spec.form);
  fillMatters(`${spec.prefix}-matterId`, kind === 'request');
  if (form.dataset.ready !== 'yes') {
    form.dataset.ready = 'yes';
    if (kind === 'notice') {
      const { date, time } = courtParts(deps.serverNow());
      $('n-receivedAt-date').value = date;
      $('n-receivedAt-time').value = time;
    }
  }
  clearErrors(form, spec.prefix);
  document.title = `${$(`${spec.form}-title`).textContent} | Docketwatch`;
  return $(`${spec.form}-title`);
}

function fillMatters(selectId, optional) {
  const select = $(selectId);
  const keep = select.value;
  const matters = deps.matters();
  const first = optional ? [select.options[0]] : [];
  select.replaceChildren(...first, ...matters.map((m) => el('option', { value: m.id, text: m.docket ? `${m.name} (${m.docket})` : m.name })));
  if (matters.some((m) => m.id === keep)) select.value = keep;
  // Court items belong to a lawsuit: the first matter with a docket number is the usual one.
  else if (!optional) select.value = (matters.find((m) => m.docket) ?? matters[0])?.id ?? '';
}

/** The parameters the chosen rule takes: its own, and a Court-directed period where it allows one. */
function wantedParams(rule) {
  const own = RULE_PARAMS[rule] ?? [];
  return COURT_SET.has(rule) && $('fl-courtSet').checked && !own.includes('days') ? [...own, 'days'] : own;
}

function showRuleParams() {
  const rule = $('fl-rule').value;
  const wanted = wantedParams(rule);
  $('fl-courtSet-field').hidden = !COURT_SET.has(rule);
  for (const [name, id] of Object.entries(PARAM_INPUTS)) $(id).closest('.field').hidden = !wanted.includes(name);
  const hours = $('fl-rule').value === 'frcp6.hours';
  const time = $('fl-triggerAt-time');
  time.required = hours;
  if (hours) time.setAttribute('aria-required', 'true');
  else time.removeAttribute('aria-required');
  $('fl-days').labels[0].firstChild.textContent = rule === 'court_order.fixed' ? 'Due this many days after the order' : COURT_SET.has(rule) ? 'Days the Court directed' : 'Number of days';
}

// ---- filings from a trigger set -------------------------------------------------------------

const setMode = () => $('fl-mode-set').checked;

async function showFilingMode() {
  const set = setMode();
  $('fl-set-field').hidden = !set;
  $('fl-offer').hidden = !set;
  $('fl-rule-field').hidden = set;
  $('fl-triggerType').closest('.field').hidden = set;
  $('fl-params').hidden = set;
  $('fl-title-optional').hidden = !set;
  for (const id of ['fl-rule', 'fl-triggerType', 'fl-title']) {
    $(id).required = !set;
    if (set) $(id).removeAttribute('aria-required');
    else $(id).setAttribute('aria-required', 'true');
  }
  $('fl-triggerSet').required = set;
  if (set && !triggerSets) {
    try {
      triggerSets = (await deps.api('/api/trigger-sets')).triggerSets ?? [];
      $('fl-triggerSet').replaceChildren(el('option', { value: '', text: 'Choose…' }), ...triggerSets.map((t) => el('option', { value: t.id, text: `${t.label}: ${t.links.map((l) => l.label).join('; ')}` })));
    } catch {
      triggerSets = null;
    }
  }
  showSetFlags();
  if (!set) showRuleParams();
}

function showSetFlags() {
  const chosen = triggerSets?.find((t) => t.id === $('fl-triggerSet').value);
  const flag = chosen?.flags?.us_party;
  $('fl-usParty-field').hidden = !flag;
  if (flag) $('fl-usParty-label').textContent = `Yes: ${flag}`;
}

function clearOffer() {
  offered = null;
  $('fl-offered').replaceChildren();
}

/** The set, its trigger and flags as the server reads them (the preview's body and the filing's). */
function setBody(errors) {
  const triggerSet = required('fl-triggerSet', 'triggerSet', errors, 'Choose the event');
  const at = moment('fl-triggerAt', 'trigger.at', errors);
  const chosen = triggerSets?.find((t) => t.id === triggerSet);
  const params = chosen?.flags?.us_party && $('fl-usParty').checked ? { us_party: true } : {};
  return { triggerSet, trigger: { at, service: optional('fl-service') }, params };
}

async function previewSet() {
  const form = $('filing-form');
  clearErrors(form, 'fl');
  const errors = [];
  const body = prune(setBody(errors));
  if (errors.length) return showErrors(form, 'fl', 'Some fields need attention.', errors);
  $('filing-status').textContent = 'Computing the deadlines…';
  try {
    const answer = await deps.api('/api/trigger-sets/preview', { method: 'POST', body });
    offered = answer.deadlines;
    $('filing-status').textContent = `${offered.length} deadline${offered.length === 1 ? '' : 's'}: keep the ones that apply.`;
    $('fl-offered').replaceChildren(...offered.map(offeredItem));
  } catch (err) {
    $('filing-status').textContent = '';
    if (err.status !== 401) showErrors(form, 'fl', err.body?.detail ?? err.message, err.body?.errors ?? []);
  }
}

function offeredItem(d) {
  const id = `fl-keep-${d.link}`;
  const receipt = el('ol', { class: 'computation' }, ...d.receipt.map((r) => el('li', {}, r.date ? el('span', { class: 'step-date', text: `${r.date}: ` }) : null, r.text)));
  return el('li', { class: 'offered-deadline' },
    el('label', { for: id }, el('input', { type: 'checkbox', id, value: d.link, checked: true, 'data-path': 'keep' }), ` ${d.label}: `, el('strong', { text: formatDue(d.due) })),
    el('span', { class: 'note', text: ` ${d.citation}${d.projected ? ' · counted from the projected date of the deadline it follows' : ''}` }),
    ...(d.alternative ? [el('p', { class: 'alternative' }, el('strong', { text: 'Alternative reading: ' }), `${formatDue(d.alternative.due)}. ${d.alternative.reason}`)] : []),
    el('details', { class: 'receipt' }, el('summary', { text: 'How this date was computed' }), receipt),
  );
}

function showBasis() {
  const lcvr = document.querySelector('input[name="basis"]:checked')?.value === 'lcvr7n';
  $('p-order').hidden = lcvr;
  $('p-lcvr7n').hidden = !lcvr;
}

function showJustifications() {
  for (const flag of ['feeWaiver', 'expedited']) $(`r-${flag}Justification`).closest('.field').hidden = !$(`r-${flag}`).checked;
}

// ---- reading the forms -------------------------------------------------------------------

const val = (id) => $(id).value.trim();

/** A date and an optional time in Eastern Time: a bare date, an ISO date-time, or an error. */
function moment(prefix, path, errors, { required = true, needTime = false } = {}) {
  const date = val(`${prefix}-date`);
  const time = $(`${prefix}-time`) ? val(`${prefix}-time`) : '';
  if (!date) {
    if (required) errors.push({ field: path, message: time ? 'Give the date as well' : 'Give the date' });
    return undefined;
  }
  if (!time) {
    if (needTime) errors.push({ field: path, message: 'Give the time: this period is counted in hours' });
    return date;
  }
  const iso = courtIso(date, time);
  if (!iso) errors.push({ field: path, message: NO_SUCH_TIME });
  return iso ?? undefined;
}

function required(id, path, errors, message = 'This is required') {
  const v = val(id);
  if (!v) errors.push({ field: path, message });
  return v || undefined;
}

function optional(id) {
  return val(id) || undefined;
}

function wholeNumber(id, path, errors, need) {
  const raw = val(id);
  if (raw === '') {
    if (need) errors.push({ field: path, message: 'Give a whole number' });
    return undefined;
  }
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw; // the server says what is wrong with it
}

const BUILD = {
  notice(errors) {
    const receivedAt = moment('n-receivedAt', 'receivedAt', errors, { needTime: true });
    return {
      matterId: required('n-matterId', 'matterId', errors, 'Choose the matter'),
      receivedAt,
      summary: required('n-summary', 'summary', errors, 'Say what the agency intends to share'),
      title: optional('n-title'),
    };
  },

  filing(errors) {
    if (setMode()) {
      const body = { matterId: required('fl-matterId', 'matterId', errors, 'Choose the matter'), title: optional('fl-title'), ...setBody(errors) };
      if (!offered) errors.push({ field: 'keep', message: 'Show the deadlines it sets first, and keep the ones that apply' });
      else {
        body.keep = [...$('fl-offered').querySelectorAll('input[type="checkbox"]:checked')].map((c) => c.value);
        if (body.keep.length === 0) errors.push({ field: 'keep', message: 'Keep at least one deadline' });
      }
      return body;
    }
    const rule = required('fl-rule', 'rule', errors, 'Choose the rule');
    const wanted = wantedParams(rule);
    const at = moment('fl-triggerAt', 'trigger.at', errors, { needTime: rule === 'frcp6.hours' });
    const params = {};
    if (wanted.includes('days')) params.days = wholeNumber('fl-days', 'params.days', errors, rule !== 'court_order.fixed');
    if (wanted.includes('hours')) params.hours = wholeNumber('fl-hours', 'params.hours', errors, true);
    if (wanted.includes('date')) params.date = optional('fl-date');
    if (wanted.includes('direction') && $('fl-direction').value !== 'after') params.direction = $('fl-direction').value;
    if (wanted.includes('motion')) params.dispositive_motion_filed = optional('fl-motion');
    if (rule === 'court_order.fixed' && params.days === undefined && params.date === undefined) {
      errors.push({ field: 'params.days', message: 'Give the days the order allows, or the date it sets' });
    }
    const service = optional('fl-service');
    return {
      matterId: required('fl-matterId', 'matterId', errors, 'Choose the matter'),
      title: required('fl-title', 'title', errors, 'Give the filing a title'),
      rule,
      trigger: { type: required('fl-triggerType', 'trigger.type', errors, 'Choose what starts the clock'), at, service },
      params: prune(params),
    };
  },

  production(errors) {
    const lcvr = document.querySelector('input[name="basis"]:checked')?.value === 'lcvr7n';
    const body = { matterId: required('p-matterId', 'matterId', errors, 'Choose the matter'), title: optional('p-title') };
    if (lcvr) {
      body.lcvr7n = {
        answerServed: required('p-answerServed', 'lcvr7n.answerServed', errors, 'Give the date the answer was served'),
        dispositiveMotionFiled: optional('p-motion'),
      };
    } else {
      const days = wholeNumber('p-days', 'order.days', errors, false);
      const due = optional('p-due');
      if (days === undefined && due === undefined) errors.push({ field: 'order.days', message: 'Give the days the order allows, or the date it sets' });
      body.order = { orderedAt: required('p-orderedAt', 'order.orderedAt', errors, 'Give the date of the order'), days, due };
    }
    return body;
  },

  request(errors) {
    const flag = (name) => ({ requested: $(`r-${name}`).checked, justification: $(`r-${name}`).checked ? optional(`r-${name}Justification`) : undefined });
    return {
      kind: $('r-kind').value,
      agency: required('r-agency', 'agency', errors, 'Give the agency'),
      requester: {
        name: required('r-name', 'requester.name', errors, 'Give the requester’s name'),
        email: required('r-email', 'requester.email', errors, 'Give the requester’s email'),
        organization: optional('r-organization'),
      },
      description: required('r-description', 'description', errors, 'Describe the records requested'),
      feeWaiver: flag('feeWaiver'),
      expedited: flag('expedited'),
      matterId: optional('r-matterId'),
      receivedAt: moment('r-receivedAt', 'receivedAt', errors, { required: false }),
    };
  },
};

/** Drops undefined members (deeply), so the server sees only what was given. */
function prune(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = prune(v);
  return out;
}

// ---- submitting ---------------------------------------------------------------------------

async function submit(kind) {
  const spec = CREATE_KINDS[kind];
  const form = $(spec.form);
  clearErrors(form, spec.prefix);
  const errors = [];
  const body = prune(BUILD[kind](errors));
  if (errors.length) return showErrors(form, spec.prefix, 'Some fields need attention.', errors);

  const button = $(spec.button);
  button.disabled = true;
  $(spec.status).textContent = kind === 'notice' ? 'Logging the notice…' : 'Creating…';
  const headers = {};
  if (kind === 'request') headers['idempotency-key'] = requestKey ??= crypto.randomUUID();
  try {
    const created = await deps.api(`/api/${spec.collection}`, { method: 'POST', body, headers });
    $(spec.status).textContent = '';
    resetForm(kind);
    deps.created(spec.collection, created);
  } catch (err) {
    $(spec.status).textContent = '';
    if (err.status === 401) return;
    if (err.status === 429) showErrors(form, spec.prefix, 'Too many requests just now; wait a moment and try again.', []);
    else showErrors(form, spec.prefix, err.body?.detail ?? err.message, err.body?.errors ?? []);
  } finally {
    button.disabled = false;
  }
}

function resetForm(kind) {
  const spec = CREATE_KINDS[kind];
  const form = $(spec.form);
  const matter = $(`${spec.prefix}-matterId`).value;
  form.reset();
  $(`${spec.prefix}-matterId`).value = matter;
  delete form.dataset.ready;
  if (kind === 'filing') {
    delete $('fl-triggerType').dataset.chosen;
    clearOffer();
    void showFilingMode();
  }
  if (kind === 'request') requestKey = null;
  showRuleParams();
  showBasis();
  showJustifications();
}

// ---- errors next to their fields -------------------------------------------------------------

function clearErrors(form, prefix) {
  $(`${prefix}-error-summary`).hidden = true;
  for (const e of form.querySelectorAll('.field-error')) {
    e.hidden = true;
    e.textContent = '';
  }
  for (const i of form.querySelectorAll('[aria-invalid]')) {
    i.removeAttribute('aria-invalid');
    const described = (i.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (described.length) i.setAttribute('aria-describedby', described.join(' '));
    else i.removeAttribute('aria-describedby');
  }
  for (const f of form.querySelectorAll('.has-error')) f.classList.remove('has-error');
}

/** The inputs and the error element for a server path such as `trigger.at` or `params.days`. */
function target(form, path) {
  const parts = String(path).split(/[.[\]/]/).filter(Boolean);
  // The exact path first, then its parents (`order` for `order.x`), visible fields only.
  for (let n = parts.length; n > 0; n--) {
    const p = parts.slice(0, n).join('.');
    const inputs = [...form.querySelectorAll(`[data-path="${CSS.escape(p)}"]`)].filter((i) => !i.closest('[hidden]'));
    if (inputs.length === 0) continue;
    const error = form.querySelector(`[data-error-for="${CSS.escape(p)}"]`) ?? $(`${inputs[0].id}-error`);
    if (error) return { inputs, error };
  }
  // A rule parameter the form has no field for: the rule is what to change.
  if (parts[0] === 'params') return target(form, 'rule');
  return null;
}

function showErrors(form, prefix, detail, errors) {
  const list = $(`${prefix}-error-summary-list`);
  list.replaceChildren();
  for (const { field, message: raw } of errors) {
    // The engine names the parameter in its message too; next to the field that is noise.
    const message = field && String(raw).startsWith(`${field}: `) ? String(raw).slice(field.length + 2) : raw;
    const t = target(form, field);
    if (!t) {
      list.append(el('li', { text: field ? `${field}: ${message}` : message }));
      continue;
    }
    t.error.textContent = t.error.hidden ? message : `${t.error.textContent} ${message}`;
    t.error.hidden = false;
    for (const input of t.inputs) {
      input.setAttribute('aria-invalid', 'true');
      const described = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      described.add(t.error.id);
      input.setAttribute('aria-describedby', [...described].join(' '));
    }
    (t.inputs[0].closest('fieldset.when') ?? t.inputs[0].closest('.field'))?.classList.add('has-error');
    const label = t.inputs[0].closest('fieldset.when')?.querySelector('legend')?.firstChild?.textContent?.trim() ?? t.inputs[0].labels?.[0]?.firstChild?.textContent?.trim() ?? field;
    list.append(el('li', {}, el('a', { href: `#${t.inputs[0].id}`, text: `${label}: ${message}` })));
  }
  $(`${prefix}-error-summary-detail`).textContent = detail ?? '';
  $(`${prefix}-error-summary`).hidden = false;
  $(`${prefix}-error-summary`).focus();
}
