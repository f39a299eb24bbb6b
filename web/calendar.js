// The month calendar (/dashboard/calendar?month=YYYY-MM): an ARIA grid, one cell per day with
// its date in a <time datetime>, holding that day's deadlines, hearings and notice windows,
// coloured by kind and state (open, due today, overdue, superseded shown faintly), each a link
// to its item. The same filters as the list. Arrow keys move a day or a week, Home and End to
// the week's ends, Page Up and Page Down a month. API data is written with textContent only.
import { courtParts, el } from '/format.js';

const $ = (id) => document.getElementById(id);
const WEEKDAYS = [['Sun', 'Sunday'], ['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Wed', 'Wednesday'], ['Thu', 'Thursday'], ['Fri', 'Friday'], ['Sat', 'Saturday']];
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = 86_400_000;

let deps;
/** The month shown, and the day that has the grid's one tab stop. */
const view = { month: '', focusDay: '', deadlines: [], now: 0 };

/** `d`: { api, filterQuery, itemHref, kindName, serverNow, navigate } */
export function initCalendar(d) {
  deps = d;
  $('calendar-grid').addEventListener('keydown', onKey);
  $('calendar-grid').addEventListener('focusin', (e) => {
    const cell = e.target.closest?.('td[data-date]');
    if (cell) setTabStop(cell.dataset.date);
  });
}

const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (iso) => iso.slice(0, 7);
function shiftMonth(month, by) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
const monthName = (month) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));
const dayName = (iso) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));

/** What sort of entry a deadline is on the calendar: a hearing, a notice window, or its item's kind. */
function kindOf(d) {
  if (d.item.kind === 'disclosure_notice') return 'notice';
  if (/\b(hearing|oral argument|conference)\b/i.test(d.label)) return 'hearing';
  return { foia: 'request', privacy_act: 'request', record_production: 'production', filing: 'filing' }[d.item.kind] ?? 'filing';
}

function stateOf(d, today) {
  if (d.status === 'superseded') return 'superseded';
  if (d.status === 'missed' || d.bucket === 'overdue') return 'overdue';
  if (d.due.slice(0, 10) === today) return 'today';
  return 'open';
}
const STATE_WORDS = { superseded: 'moved (superseded)', overdue: 'overdue', today: 'due today', open: 'open' };

/** Shows the month named in the URL (default: this month on the court's clock). */
export async function showCalendar(search) {
  const today = courtParts(deps.serverNow()).date;
  const asked = new URLSearchParams(search).get('month');
  view.month = asked && MONTH.test(asked) ? asked : monthOf(today);
  if (!view.focusDay || monthOf(view.focusDay) !== view.month) view.focusDay = view.month === monthOf(today) ? today : `${view.month}-01`;
  $('calendar-title').textContent = `Calendar: ${monthName(view.month)}`;
  document.title = `Calendar ${monthName(view.month)} | Docketwatch`;
  $('calendar-prev').href = `/dashboard/calendar?month=${shiftMonth(view.month, -1)}`;
  $('calendar-prev').textContent = `← ${monthName(shiftMonth(view.month, -1))}`;
  $('calendar-next').href = `/dashboard/calendar?month=${shiftMonth(view.month, 1)}`;
  $('calendar-next').textContent = `${monthName(shiftMonth(view.month, 1))} →`;
  await loadMonth();
}

export async function loadMonth() {
  const status = $('calendar-status');
  status.textContent = 'Loading…';
  const q = deps.filterQuery();
  q.set('include', 'missed,superseded');
  let data;
  try {
    data = await deps.api(`/api/deadlines?${q}`);
  } catch (err) {
    if (err.status === 401) return;
    status.textContent = `Could not load the calendar: ${err.message}`;
    return;
  }
  view.deadlines = (data.deadlines ?? []).filter((d) => monthOf(d.due) === view.month);
  render(courtParts(Date.parse(data.now)).date);
  const n = view.deadlines.length;
  status.textContent = n === 0 ? `Nothing falls in ${monthName(view.month)} with these filters.` : `${n} entr${n === 1 ? 'y' : 'ies'} in ${monthName(view.month)}.`;
}

function render(today) {
  const [y, m] = view.month.split('-').map(Number);
  const first = Date.UTC(y, m - 1, 1);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = new Date(first).getUTCDay();
  const byDay = new Map();
  for (const d of view.deadlines) {
    const day = d.due.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), d]);
  }

  const head = el('tr', { role: 'row' }, ...WEEKDAYS.map(([short, long]) => el('th', { scope: 'col', role: 'columnheader', abbr: long, text: short })));
  const rows = [];
  let row = el('tr', { role: 'row' });
  for (let i = 0; i < lead; i++) row.append(el('td', { role: 'gridcell', class: 'outside' }));
  for (let n = 1; n <= days; n++) {
    const iso = isoOf(first + (n - 1) * DAY);
    const entries = (byDay.get(iso) ?? []).sort((a, b) => a.dueInstant.localeCompare(b.dueInstant));
    const cell = el('td', {
      role: 'gridcell',
      'data-date': iso,
      tabindex: iso === view.focusDay ? '0' : '-1',
      class: [iso === today ? 'is-today' : '', entries.length ? 'has-entries' : ''].filter(Boolean).join(' ') || undefined,
    });
    // The number is what sighted users see; a screen reader hears the whole date and whether it is today.
    cell.append(el('time', { class: 'day-number', datetime: iso },
      el('span', { 'aria-hidden': 'true', text: String(n) }),
      el('span', { class: 'visually-hidden', text: `${dayName(iso)}${iso === today ? ', today' : ''}${entries.length ? '' : ', nothing due'}` })));
    if (entries.length) {
      cell.append(el('ul', { class: 'day-entries' }, ...entries.map((d) => {
        const state = stateOf(d, today);
        const time = d.due.includes('T') ? `${courtParts(Date.parse(d.dueInstant)).time} ` : '';
        return el('li', { class: `entry kind-${kindOf(d)} state-${state}`, 'data-deadline': d.id },
          el('a', { href: deps.itemHref(d.item), text: `${time}${d.label}` }),
          el('span', { class: 'entry-meta', text: `${d.item.title} · ${STATE_WORDS[state]}` }));
      })));
    }
    row.append(cell);
    if ((lead + n) % 7 === 0) {
      rows.push(row);
      row = el('tr', { role: 'row' });
    }
  }
  if (row.children.length) {
    while (row.children.length < 7) row.append(el('td', { role: 'gridcell', class: 'outside' }));
    rows.push(row);
  }
  $('calendar-grid').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
}

function setTabStop(iso) {
  view.focusDay = iso;
  for (const c of $('calendar-grid').querySelectorAll('td[data-date]')) c.tabIndex = c.dataset.date === iso ? 0 : -1;
}

function onKey(e) {
  const cell = e.target.closest?.('td[data-date]');
  if (!cell || e.target !== cell) return;
  const at = Date.parse(`${cell.dataset.date}T00:00:00Z`);
  const weekday = new Date(at).getUTCDay();
  const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -weekday, End: 6 - weekday };
  let target;
  if (e.key in moves) target = isoOf(at + moves[e.key] * DAY);
  else if (e.key === 'PageUp' || e.key === 'PageDown') {
    const month = shiftMonth(view.month, e.key === 'PageUp' ? -1 : 1);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    target = `${month}-${String(Math.min(Number(cell.dataset.date.slice(8)), last)).padStart(2, '0')}`;
  } else if (e.key === 'Enter') {
    cell.querySelector('a')?.focus();
    e.preventDefault();
    return;
  } else return;
  e.preventDefault();
  if (monthOf(target) === view.month) {
    setTabStop(target);
    $('calendar-grid').querySelector(`td[data-date="${target}"]`)?.focus();
    return;
  }
  // Another month: go there and keep the focus on the same day of the grid.
  view.focusDay = target;
  deps.navigate(`/dashboard/calendar?month=${monthOf(target)}`, { focusDay: target });
}

/** After a month change by keyboard: focus the day that was asked for. */
export function focusDay() {
  $('calendar-grid').querySelector(`td[data-date="${view.focusDay}"]`)?.focus();
}
