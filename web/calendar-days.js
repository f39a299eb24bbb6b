// Calendar days (/dashboard/calendar-days): the closures and holidays added to the calendar,
// the form an administrator adds one with, and the jobs that carry each day to the open
// deadlines it can move, with their progress and, once done, what they moved for whom.
// Above every page, a banner says while a job runs. API data is only written with textContent.
import { el, formatDue, formatInstant } from '/format.js';

const KIND_NAMES = {
  closures: 'Closure of federal offices (executive order)',
  courtClosures: 'Court closure',
  holidays: 'Legal public holiday',
  dcHolidays: 'District of Columbia holiday',
};
/** How often a running job's progress is read again. */
const POLL_MS = 1500;

const $ = (id) => document.getElementById(id);
let deps;
let timer;
/** The jobs last read, newest first. */
let jobs = [];
/** Jobs seen running, so their end is announced once. */
const watched = new Set();

/** `d`: { api, isAdmin: () => boolean, changed: () => void } (changed reloads "What is due"). */
export function initCalendarDays(d) {
  deps = d;
  $('day-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void addDay();
  });
  $('day-kind').addEventListener('change', () => ($('day-court-field').hidden = $('day-kind').value !== 'courtClosures'));
}

/** Shows the page: the days, the form (administrators), the jobs. */
export async function showCalendarDays() {
  $('day-form').hidden = !deps.isAdmin();
  $('day-admin-note').hidden = deps.isAdmin();
  await Promise.all([loadDays(), refreshJobs()]);
}

async function loadDays() {
  const list = $('days-list');
  try {
    const { calendarVersion, days } = await deps.api('/api/calendar/days');
    $('days-version').textContent = calendarVersion;
    list.replaceChildren(
      ...[...days]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((d) =>
          el(
            'tr',
            {},
            el('td', {}, el('time', { datetime: d.date, text: formatDue(d.date) })),
            el('td', { text: KIND_NAMES[d.kind] ?? d.kind }),
            el('td', { text: d.court === 'SCOTUS' ? 'Supreme Court building' : d.kind === 'courtClosures' ? 'D.C. courthouse' : '' }),
            el('td', { text: d.label }),
          ),
        ),
    );
    $('days-empty').hidden = days.length > 0;
  } catch (err) {
    if (err.status !== 401) $('days-status').textContent = `Could not load the calendar days: ${err.message}`;
  }
}

async function addDay() {
  const status = $('day-status');
  const body = { kind: $('day-kind').value, date: $('day-date').value, label: $('day-label').value.trim() };
  if (body.kind === 'courtClosures' && $('day-court').value) body.court = $('day-court').value;
  for (const f of ['kind', 'date', 'label']) $(`day-${f}-error`).hidden = true;
  try {
    const { job } = await deps.api('/api/calendar/days', { method: 'POST', body });
    status.textContent = `Added. Recomputing the open deadlines this day can move (job ${job.id}).`;
    $('day-form').reset();
    watched.add(job.id);
    await Promise.all([loadDays(), refreshJobs()]);
  } catch (err) {
    if (err.status === 401) return;
    for (const e of err.body?.errors ?? []) {
      const slot = $(`day-${e.field}-error`);
      if (!slot) continue;
      slot.textContent = `${e.field} ${e.message}`;
      slot.hidden = false;
    }
    status.textContent = `The day was not added: ${err.message}`;
  }
}

/** Reads the jobs, redraws the banner and (on its page) the job list, and keeps reading while one runs. */
export async function refreshJobs() {
  clearTimeout(timer);
  try {
    ({ jobs } = await deps.api('/api/jobs'));
  } catch (err) {
    if (err.status !== 401) $('jobs-status').textContent = `Could not load the jobs: ${err.message}`;
    return;
  }
  const running = jobs.filter((j) => j.status === 'running');
  for (const j of running) watched.add(j.id);
  const ended = jobs.filter((j) => j.status !== 'running' && watched.has(j.id));
  drawBanner(running, ended);
  drawJobs();
  for (const j of ended) {
    watched.delete(j.id);
    await showSummary(j);
    deps.changed();
  }
  if (running.length) timer = setTimeout(() => void refreshJobs(), POLL_MS);
}

function progressOf(job) {
  const { planned, considered } = job.progress;
  return el('progress', { max: Math.max(planned, considered, 1), value: considered, 'aria-label': `Job for ${job.day.date}: ${considered} of ${planned} items` });
}

function describe(job) {
  const p = job.progress;
  const found = job.status === 'running' ? `${p.planned} found so far` : `${p.planned} found`;
  return `${p.considered} of ${found}; ${p.moved} moved${p.failed ? `, ${p.failed} failed` : ''}`;
}

function drawBanner(running, ended) {
  const banner = $('job-banner');
  if (running.length) {
    const job = running[0];
    banner.replaceChildren(
      el('strong', { text: 'Recomputing deadlines. ' }),
      `The ${KIND_NAMES[job.day.kind]?.toLowerCase() ?? 'day'} on ${formatDue(job.day.date)} is being carried to every open deadline it can move: ${describe(job)}. `,
      progressOf(job),
      ' ',
      el('a', { href: '/dashboard/calendar-days', text: 'Calendar days' }),
    );
    banner.hidden = false;
  } else if (ended.length) {
    const job = ended[0];
    banner.replaceChildren(el('strong', { text: job.status === 'done' ? 'Calendar change done. ' : 'Calendar change failed. ' }), `${formatDue(job.day.date)}: ${describe(job)}. `, el('a', { href: '/dashboard/calendar-days', text: 'What moved' }));
    banner.hidden = false;
  }
}

function drawJobs() {
  const list = $('jobs-list');
  list.replaceChildren(
    ...jobs.map((job) =>
      el(
        'li',
        { class: `job job-${job.status}`, 'data-job': job.id },
        el('p', {}, el('strong', { text: `${formatDue(job.day.date)}: ${job.day.label}` }), ` (${job.status}, started ${formatInstant(job.createdAt)})`),
        progressOf(job),
        el('p', { class: 'note job-progress', text: describe(job) }),
        job.error ? el('p', { class: 'problem', text: job.error }) : null,
        job.status === 'failed' && deps.isAdmin() ? el('button', { type: 'button', class: 'button secondary', 'data-resume': job.id, text: 'Resume the job' }) : null,
      ),
    ),
  );
  for (const b of list.querySelectorAll('[data-resume]')) b.addEventListener('click', () => void resume(b.getAttribute('data-resume')));
  $('jobs-empty').hidden = jobs.length > 0;
}

async function resume(id) {
  try {
    await deps.api(`/api/jobs/${id}/resume`, { method: 'POST', body: {} });
    watched.add(id);
    await refreshJobs();
  } catch (err) {
    if (err.status !== 401) $('jobs-status').textContent = `Could not resume the job: ${err.message}`;
  }
}

/** What a finished job moved, for whom: per matter, then each item with its old and new dates. */
async function showSummary(job) {
  const box = $('job-summary');
  try {
    const { summary } = await deps.api(`/api/jobs/${job.id}`);
    const matters = summary.byMatter.map((m) => el('li', { text: `${m.name}: ${m.items} item${m.items === 1 ? '' : 's'}` }));
    const items = summary.items.map((i) =>
      el('li', {}, el('a', { href: `/dashboard/${i.collection}/${i.itemId}`, 'data-item': i.itemId, text: i.title }), ': ', i.moved.map((m) => `${m.rule} ${formatDue(m.from)} → ${formatDue(m.to)}`).join('; ')),
    );
    box.replaceChildren(
      el('h3', { text: `What the change on ${formatDue(job.day.date)} moved` }),
      el('p', { text: `${job.progress.moved} item${job.progress.moved === 1 ? '' : 's'} moved, in your matters:` }),
      el('ul', {}, ...matters),
      el('ul', { class: 'moved-items' }, ...items),
    );
    box.hidden = false;
  } catch (err) {
    if (err.status !== 401) $('jobs-status').textContent = `Could not load what the job moved: ${err.message}`;
  }
}
