// The public intake form: client-side checks that mirror the API's, submission with an
// Idempotency-Key, the server's field errors shown next to their fields, and the receipt.
import {
  datetimeAttr, el, formatDue, formatInstantDate, kindLabel, readJson, retryAfterSeconds,
} from '/format.js';

const form = document.getElementById('request-form');
const submitButton = document.getElementById('submit-button');
const summary = document.getElementById('error-summary');
const summaryList = document.getElementById('error-summary-list');
const summaryDetail = document.getElementById('error-summary-detail');
const sendStatus = document.getElementById('send-status');
const requestSection = document.getElementById('request-section');
const receipt = document.getElementById('receipt');

const agencySelect = document.getElementById('f-agency');
const agencyOther = document.getElementById('f-agency-other');

// The same patterns and limits as core/intake.ts and core/validate.ts; the server stays the judge.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const AGENCY = /^[\p{L}\p{N}][\p{L}\p{N} .,&'()/-]*$/u;
const PHONE = /^[+0-9 ().x-]{7,30}$/;
const MAX = {
  agency: 120, name: 200, email: 254, organization: 200, address: 500, phone: 30,
  descriptionMin: 10, description: 10_000, justification: 5_000, feeLimit: 10_000_000,
};

// ---------------------------------------------------------------------------------------
// Idempotency: one key per form fill. It is renewed only after the server has answered that
// it created nothing (a 4xx on bad input), so a double click, a lost response or a retry
// after a 5xx re-sends the same key and cannot create a second request.
// ---------------------------------------------------------------------------------------
function newKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; a phone on the LAN may load the page over http.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
let idempotencyKey = newKey();
let sending = false;

// ---------------------------------------------------------------------------------------
// Conditional fields
// ---------------------------------------------------------------------------------------
function bindReveal(control, target, isShown) {
  const update = () => {
    const shown = isShown();
    target.hidden = !shown;
    if (control.hasAttribute('aria-expanded')) control.setAttribute('aria-expanded', String(shown));
    for (const input of target.querySelectorAll('input,textarea')) {
      input.required = shown;
      if (shown) input.setAttribute('aria-required', 'true');
      else input.removeAttribute('aria-required');
    }
  };
  control.addEventListener('change', update);
  update();
}
bindReveal(agencySelect, document.getElementById('agency-other-field'), () => agencySelect.value === 'Other');
const feeWaiverBox = document.getElementById('f-fee-waiver');
bindReveal(feeWaiverBox, document.getElementById('fee-waiver-field'), () => feeWaiverBox.checked);
const expeditedBox = document.getElementById('f-expedited');
bindReveal(expeditedBox, document.getElementById('expedited-field'), () => expeditedBox.checked);

// ---------------------------------------------------------------------------------------
// The request body, as the API takes it
// ---------------------------------------------------------------------------------------
function value(name) {
  const field = form.elements.namedItem(name);
  return field && 'value' in field ? field.value.trim() : '';
}

function optional(text) {
  return text === '' ? undefined : text;
}

function collectBody() {
  const kind = form.querySelector('input[name="kind"]:checked')?.value;
  const agency = agencySelect.value === 'Other' ? value('agencyOther') : agencySelect.value;
  const body = {
    kind,
    agency,
    requester: {
      name: value('requester.name'),
      email: value('requester.email'),
      organization: optional(value('requester.organization')),
      address: optional(value('requester.address')),
      phone: optional(value('requester.phone')),
    },
    description: value('description'),
    feeWaiver: { requested: feeWaiverBox.checked },
    expedited: { requested: expeditedBox.checked },
  };
  const from = value('dateRange.from');
  const to = value('dateRange.to');
  if (from !== '' || to !== '') body.dateRange = { from: optional(from), to: optional(to) };
  if (feeWaiverBox.checked) body.feeWaiver.justification = optional(value('feeWaiver.justification'));
  if (expeditedBox.checked) body.expedited.justification = optional(value('expedited.justification'));
  const feeLimit = value('feeLimit');
  if (feeLimit !== '') body.feeLimit = Number(feeLimit);
  return body;
}

/** Checks that mirror the server's; its 400 answer stays authoritative. */
function clientErrors(body) {
  const errors = [];
  const add = (field, message) => errors.push({ field, message });
  const tooLong = (field, text, max, what) => {
    if (text && text.length > max) add(field, `${what} must be ${max.toLocaleString('en-US')} characters or fewer (now ${text.length.toLocaleString('en-US')}).`);
  };
  if (body.kind !== 'foia' && body.kind !== 'privacy_act') add('kind', 'Choose the type of request.');
  if (agencySelect.value === '') add('agency', 'Choose the agency that holds the records.');
  else if (agencySelect.value === 'Other') {
    if (body.agency === '') add('agency', "Enter the agency's name.");
    else if (body.agency.length > MAX.agency) tooLong('agency', body.agency, MAX.agency, "The agency's name");
    else if (!AGENCY.test(body.agency)) add('agency', "Enter the agency's name using letters, numbers, spaces and . , & ' ( ) / -");
  }
  const { name, email, organization, address, phone } = body.requester;
  if (name === '') add('requester.name', 'Enter your full name.');
  else tooLong('requester.name', name, MAX.name, 'Your name');
  if (email === '') add('requester.email', 'Enter your email address.');
  else if (email.length > MAX.email || !EMAIL.test(email)) add('requester.email', 'Enter an email address like name@example.org.');
  tooLong('requester.organization', organization, MAX.organization, 'The organization');
  tooLong('requester.address', address, MAX.address, 'The address');
  if (phone && !PHONE.test(phone)) add('requester.phone', 'Enter a phone number using digits, spaces and + ( ) . - x, 7 to 30 characters.');
  if (body.description === '') add('description', 'Describe the records you want.');
  else if (body.description.length < MAX.descriptionMin) add('description', `Describe the records in at least ${MAX.descriptionMin} characters.`);
  else tooLong('description', body.description, MAX.description, 'The description');
  const range = body.dateRange;
  if (range?.from && range?.to && range.from > range.to) add('dateRange.to', 'The end date must be on or after the start date.');
  // The API accepts a request without a justification; the agency would deny it, so the form asks.
  if (body.feeWaiver.requested && !body.feeWaiver.justification) add('feeWaiver.justification', 'Explain why you ask for a fee waiver.');
  else tooLong('feeWaiver.justification', body.feeWaiver.justification, MAX.justification, 'The explanation');
  if (body.expedited.requested && !body.expedited.justification) add('expedited.justification', 'Explain why the request is urgent.');
  else tooLong('expedited.justification', body.expedited.justification, MAX.justification, 'The explanation');
  const feeInput = document.getElementById('f-fee-limit');
  if (feeInput.validity.badInput) add('feeLimit', 'Enter an amount in dollars, like 25 or 25.50.');
  else if (body.feeLimit !== undefined && (!Number.isFinite(body.feeLimit) || body.feeLimit < 0 || body.feeLimit > MAX.feeLimit)) {
    add('feeLimit', `Enter an amount from 0 to ${MAX.feeLimit.toLocaleString('en-US')} dollars.`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------
// Errors next to fields
// ---------------------------------------------------------------------------------------

/** `requester.email`, `/requester/email` and `body.requester.email` all name the same field. */
function normalizePath(field) {
  return String(field ?? '')
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^body\.?/, '');
}

/**
 * Where an error for `path` goes: the control to mark and focus, and the container the message
 * sits in. A path with no control of its own (e.g. `dateRange`, or a deeper path than the
 * form has) falls back to its nearest named ancestor.
 */
function locate(path) {
  if (path === 'agency' || path === 'agencyOther') {
    const control = agencySelect.value === 'Other' ? agencyOther : agencySelect;
    return { controls: [control], container: control.closest('.field') };
  }
  if (path === 'kind') {
    const group = document.getElementById('kind-group');
    return { controls: [...group.querySelectorAll('input')], container: group };
  }
  if (path === 'feeWaiver' || path === 'feeWaiver.requested' || path === 'expedited' || path === 'expedited.requested') {
    const box = path.startsWith('feeWaiver') ? feeWaiverBox : expeditedBox;
    // A justification problem is reported on the justification when that field is open.
    if (box.checked) return locate(`${path.split('.')[0]}.justification`);
    return { controls: [box], container: box.closest('.choice') };
  }
  const named = form.elements.namedItem(path);
  if (named instanceof HTMLElement && !(named instanceof RadioNodeList)) {
    return { controls: [named], container: named.closest('.field') ?? named.parentElement };
  }
  const group = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
  if (group) {
    return { controls: [...group.querySelectorAll('input,select,textarea')].filter((c) => !c.closest('[hidden]')), container: group };
  }
  const dot = path.lastIndexOf('.');
  return dot > 0 ? locate(path.slice(0, dot)) : null;
}

function stripMarks(node) {
  const copy = node.cloneNode(true);
  for (const mark of copy.querySelectorAll('.req-mark,.optional,.visually-hidden')) mark.remove();
  return copy.textContent.replace(/\s+/g, ' ').trim();
}

/** The name a sighted user sees for a control: its group's legend for radios, else its label. */
function labelText(control) {
  const group = control.closest('fieldset');
  if (control.type === 'radio' && group) return stripMarks(group.querySelector('legend'));
  const label = control.labels?.[0];
  if (!label) return '';
  // "From" alone says little: prefix the sub-group's legend ("Dates the records cover: From").
  const sub = control.closest('fieldset.subgroup');
  return sub ? `${stripMarks(sub.querySelector('legend'))}, ${stripMarks(label)}` : stripMarks(label);
}

/** "is required" becomes "Email address is required."; a full sentence is left as it is. */
function sentence(name, message) {
  const text = message.trim();
  if (/^[a-z]/.test(text) && name) return `${name} ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
  return text;
}

function describedBy(control, id, add) {
  const ids = new Set((control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (add) ids.add(id);
  else ids.delete(id);
  if (ids.size === 0) control.removeAttribute('aria-describedby');
  else control.setAttribute('aria-describedby', [...ids].join(' '));
}

function clearErrors() {
  for (const message of form.querySelectorAll('.field-error')) {
    for (const control of form.querySelectorAll(`[aria-describedby~="${message.id}"]`)) {
      describedBy(control, message.id, false);
    }
    message.remove();
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const container of form.querySelectorAll('.has-error')) container.classList.remove('has-error');
  summaryList.replaceChildren();
  summaryDetail.hidden = true;
  summaryDetail.textContent = '';
  summary.hidden = true;
}

function messageIdFor(path) {
  return `error-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Show errors next to their fields and in the summary, then move focus to the summary. */
function showErrors(errors, detail) {
  clearErrors();
  const seen = new Map();
  for (const error of errors) {
    const path = normalizePath(error.field);
    const raw = String(error.message ?? 'is not valid');
    const place = path === '' ? null : locate(path);
    const target = place && place.container
      ? place.controls.find((c) => c instanceof HTMLInputElement && c.type === 'radio' && c.checked) ?? place.controls[0]
      : undefined;
    const message = sentence(target ? labelText(target) : '', raw);
    if (target) {
      const id = messageIdFor(path);
      let node = seen.get(id);
      if (node) {
        node.append(` ${message}`);
      } else {
        node = el('p', { class: 'field-error', id }, el('span', { class: 'visually-hidden', text: 'Error: ' }), message);
        seen.set(id, node);
        // After the legend / label and hint, before the control (so it is read first).
        const anchor = place.container.querySelector(':scope > .hint') ?? place.container.querySelector(':scope > label, :scope > legend');
        if (anchor) anchor.after(node);
        else place.container.prepend(node);
        place.container.classList.add('has-error');
        for (const control of place.controls) {
          control.setAttribute('aria-invalid', 'true');
          describedBy(control, id, true);
        }
      }
    }
    const text = target ? message : sentence(path, raw);
    const item = target?.id ? el('li', {}, el('a', { href: `#${target.id}`, 'data-target': target.id, text })) : el('li', { text });
    summaryList.append(item);
  }
  if (detail) {
    summaryDetail.textContent = detail;
    summaryDetail.hidden = false;
  }
  summary.hidden = false;
  summary.focus();
}

summaryList.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-target]') : null;
  if (!link) return;
  const control = document.getElementById(link.dataset.target);
  if (!control) return;
  event.preventDefault();
  control.focus();
  control.scrollIntoView({ block: 'center' });
});

// ---------------------------------------------------------------------------------------
// Submission
// ---------------------------------------------------------------------------------------
function setSending(on) {
  sending = on;
  submitButton.disabled = on;
  submitButton.setAttribute('aria-disabled', String(on));
  submitButton.textContent = on ? 'Sending…' : 'Submit request';
  form.setAttribute('aria-busy', String(on));
}

function showStatus(text) {
  sendStatus.textContent = text;
  sendStatus.hidden = text === '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sending) return;
  showStatus('');
  const body = collectBody();
  const errors = clientErrors(body);
  if (errors.length > 0) {
    showErrors(errors);
    return;
  }
  clearErrors();
  setSending(true);
  showStatus('Sending your request…');
  let response;
  try {
    response = await fetch('/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });
  } catch {
    setSending(false);
    showStatus('');
    showErrors([], 'We could not reach the server, so we cannot tell whether your request arrived. '
      + 'Check your connection and submit again: it will not create a second request.');
    return;
  }
  try {
    const data = await readJson(response);
    if (response.status === 201 || response.status === 200) {
      showReceipt(data ?? {});
      return;
    }
    handleProblem(response, data);
  } finally {
    setSending(false);
    showStatus('');
  }
});

function handleProblem(response, problem) {
  const status = response.status;
  const detail = typeof problem?.detail === 'string' ? problem.detail : '';
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  if (status === 429) {
    const wait = retryAfterSeconds(response);
    showErrors([], `Too many requests from your connection just now. Please wait ${wait ? `${wait} seconds` : 'a minute'} and submit again.`);
    return;
  }
  if (status === 413) {
    idempotencyKey = newKey();
    showErrors([], 'Your request is too long to send. Shorten the description or the justifications and submit again.');
    return;
  }
  if (status === 422 && errors.length === 0) {
    // The key was spent on an earlier send with other details (a lost answer, then an edit):
    // that send may have been filed, so say so before a new key files this one separately.
    idempotencyKey = newKey();
    showErrors([], 'Your earlier submission may already have been received with the details you had then. '
      + 'If you submit again now, these details will be filed as a separate request.');
    return;
  }
  if (status >= 400 && status < 500) {
    // The server answered that it stored nothing: the corrected form is a new submission.
    idempotencyKey = newKey();
    showErrors(errors, errors.length > 0 ? '' : detail || problem?.title || 'The request could not be accepted.');
    return;
  }
  showErrors([], 'Something went wrong on our side and your request may not have been saved. '
    + 'Please submit again in a moment: it will not create a second request.');
}

// ---------------------------------------------------------------------------------------
// Receipt
// ---------------------------------------------------------------------------------------

/** The statutory response deadline is the one the requester cares about first. */
function responseDeadline(deadlines) {
  return deadlines.find((d) => /response/i.test(`${d.rule ?? ''} ${d.label ?? ''}`)) ?? deadlines[0];
}

function deadlineItem(deadline, primary) {
  const item = el('li', { class: primary ? 'deadline primary' : 'deadline' },
    el('span', { class: 'deadline-label', text: deadline.label ?? deadline.rule ?? 'Deadline' }),
    el('time', { class: 'deadline-due', datetime: datetimeAttr(deadline.dueInstant ?? deadline.due), text: formatDue(deadline.due) }));
  const steps = Array.isArray(deadline.receipt) ? deadline.receipt : [];
  if (steps.length > 0) {
    const list = el('ol', { class: 'computation' });
    for (const step of steps) {
      list.append(el('li', {}, step.date ? el('span', { class: 'step-date', text: `${formatDue(step.date)}: ` }) : null, String(step.text ?? step.step ?? '')));
    }
    item.append(el('details', {}, el('summary', { text: 'How this date was computed' }), list));
  }
  return item;
}

function showReceipt(data) {
  const code = String(data.trackingCode ?? '');
  document.getElementById('tracking-code').textContent = code;
  document.getElementById('receipt-kind').textContent = kindLabel(data.kind);
  document.getElementById('receipt-agency').textContent = String(data.agency ?? '');
  const received = document.getElementById('receipt-received');
  received.replaceChildren(el('time', { datetime: datetimeAttr(data.receivedAt), text: formatInstantDate(data.receivedAt) }));
  document.getElementById('receipt-phase').textContent = String(data.phaseLabel ?? data.phase ?? '');

  const list = document.getElementById('receipt-deadlines');
  const deadlines = Array.isArray(data.deadlines) ? data.deadlines : [];
  const first = responseDeadline(deadlines);
  list.replaceChildren(...(first ? [first, ...deadlines.filter((d) => d !== first)] : []).map((d) => deadlineItem(d, d === first)));
  if (deadlines.length === 0) list.append(el('li', { text: 'The agency\'s deadlines will appear on the tracking page.' }));

  const link = document.getElementById('receipt-track-link');
  link.href = typeof data.trackUrl === 'string' && data.trackUrl.startsWith('/track/') ? data.trackUrl : `/track/${encodeURIComponent(code)}`;

  requestSection.hidden = true;
  receipt.hidden = false;
  document.title = 'Request received | Docketwatch';
  document.getElementById('receipt-title').focus();
}

const copyButton = document.getElementById('copy-code');
const copyStatus = document.getElementById('copy-status');
copyButton.addEventListener('click', async () => {
  const code = document.getElementById('tracking-code').textContent ?? '';
  try {
    await navigator.clipboard.writeText(code);
    copyStatus.textContent = 'Copied.';
  } catch {
    // No clipboard access: select the code so Ctrl+C / long-press copies it.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('tracking-code'));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    copyStatus.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
  }
});

document.getElementById('new-request').addEventListener('click', () => {
  form.reset();
  for (const control of [agencySelect, feeWaiverBox, expeditedBox]) control.dispatchEvent(new Event('change'));
  clearErrors();
  showStatus('');
  copyStatus.textContent = '';
  idempotencyKey = newKey();
  receipt.hidden = true;
  requestSection.hidden = false;
  document.title = 'Request records: FOIA or Privacy Act | Docketwatch';
  document.getElementById('page-title').setAttribute('tabindex', '-1');
  document.getElementById('page-title').focus();
});
