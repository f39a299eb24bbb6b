// A matter's page (/dashboard/matters/{id}): its name, court and docket number, its items by
// phase, its team, its docket (entries and the proposals they made), and the docket report:
// every open and past deadline with rule, citation and the receipt in short, laid out to print
// (the print stylesheet keeps the report and drops the page's controls).
import { el, formatDue, formatInstant } from '/format.js';
import { renderEntries } from '/docket.js';

const $ = (id) => document.getElementById(id);
let deps;

const STATUS_WORDS = { open: 'Open', met: 'Met', missed: 'Missed', superseded: 'Superseded (moved)' };

/** `d`: { api, itemHref, kindName, personName } */
export function initMatter(d) {
  deps = d;
  $('matter-print').addEventListener('click', () => window.print());
}

export async function showMatter(id) {
  $('matter-title').textContent = 'Loading…';
  $('matter-error').hidden = true;
  for (const n of ['matter-facts', 'matter-items', 'matter-team', 'matter-docket', 'matter-report-body']) $(n).replaceChildren();
  let data;
  try {
    data = await deps.api(`/api/matters/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err.status === 401) return;
    $('matter-title').textContent = 'Matter not available';
    $('matter-error').textContent = err.status === 404 ? 'No matter with this id, or you are not on its team.' : `Could not load the matter: ${err.message}`;
    $('matter-error').hidden = false;
    return;
  }
  const { matter, items } = data;
  document.title = `${matter.name} | Docketwatch`;
  $('matter-title').textContent = matter.name;
  $('matter-facts').replaceChildren(
    ...[['Court', matter.court], ['Docket number', matter.docket], ['Time zone', matter.timeZone]]
      .map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: v ?? '—' }))),
  );

  // Items by phase, open ones first; a phase is named as the lawyer would (phaseLabel).
  const phases = new Map();
  for (const it of [...items].sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1))) {
    const key = it.phaseLabel ?? it.phase;
    phases.set(key, [...(phases.get(key) ?? []), it]);
  }
  $('matter-items').replaceChildren(...(phases.size
    ? [...phases].map(([phase, list]) => el('section', { class: 'phase-group' },
      el('h3', { text: `${phase} (${list.length})` }),
      el('ul', { class: 'phase-items' }, ...list.map((it) => el('li', {},
        el('a', { href: deps.itemHref(it), text: it.title }),
        el('span', { class: 'note', text: ` · ${deps.kindName(it.kind)}${it.agency ? ` · ${it.agency}` : ''} · ${it.status}` }))))))
    : [el('p', { class: 'empty', text: 'No items yet.' })]));

  $('matter-team').replaceChildren(el('table', { class: 'team-table' },
    el('caption', { class: 'visually-hidden', text: `Team of ${matter.name}` }),
    el('thead', {}, el('tr', {}, ...['Name', 'Role', 'E-mail'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...(matter.team ?? []).map((p) => el('tr', {}, el('td', { text: p.name }), el('td', { text: p.role }), el('td', { text: p.email })))),
  ));

  renderReport(matter, items, data.now);
  void loadDocket(matter.id);
}

async function loadDocket(matterId) {
  const list = $('matter-docket');
  list.replaceChildren(el('li', { class: 'note', text: 'Loading…' }));
  try {
    const [docket, proposals] = await Promise.all([
      deps.api(`/api/matters/${encodeURIComponent(matterId)}/docket`),
      deps.api('/api/proposals?status=pending'),
    ]);
    renderEntries(list, docket.entries ?? []);
    const waiting = (proposals.proposals ?? []).filter((p) => p.matterId === matterId);
    $('matter-proposals').textContent = waiting.length
      ? `${waiting.length} proposal${waiting.length === 1 ? '' : 's'} from the docket wait${waiting.length === 1 ? 's' : ''} for someone to confirm or dismiss ${waiting.length === 1 ? 'it' : 'them'} (on “What is due”).`
      : 'No proposal from the docket is waiting.';
  } catch (err) {
    if (err.status === 401) return;
    list.replaceChildren(el('li', { class: 'empty', text: `Could not load the docket: ${err.message}` }));
  }
}

/** The report: one row per deadline, open ones first by date, then past ones by date. */
function renderReport(matter, items, now) {
  $('matter-report-meta').textContent = `${matter.name}${matter.court ? `, ${matter.court}` : ''}${matter.docket ? `, ${matter.docket}` : ''}. Prepared ${formatInstant(now)}.`;
  const rows = items.flatMap((it) => (it.deadlines ?? []).map((d) => ({ it, d })));
  const open = rows.filter(({ d }) => d.status === 'open').sort((a, b) => a.d.dueInstant.localeCompare(b.d.dueInstant));
  const past = rows.filter(({ d }) => d.status !== 'open').sort((a, b) => a.d.dueInstant.localeCompare(b.d.dueInstant));
  const body = $('matter-report-body');
  if (!rows.length) return body.replaceChildren(el('tr', {}, el('td', { colspan: '5', text: 'No deadlines.' })));
  const line = ({ it, d }) => el('tr', { class: `status-${d.status}`, 'data-deadline': d.id },
    el('td', {}, el('time', { datetime: d.due, text: formatDue(d.due) })),
    el('td', {}, el('strong', { text: d.label }), el('br'), el('span', { text: it.title })),
    el('td', {}, el('code', { text: d.rule }), el('br'), el('span', { text: d.citation })),
    el('td', { text: STATUS_WORDS[d.status] ?? d.status }),
    el('td', {}, el('ul', { class: 'report-receipt' }, ...(d.summary ?? []).map((s) => el('li', { text: s })),
      ...(d.alternative ? [el('li', { text: `Alternative reading: ${formatDue(d.alternative.due)}. ${d.alternative.reason}` })] : []))));
  const group = (title, list) => [el('tr', { class: 'report-group' }, el('th', { colspan: '5', scope: 'colgroup', text: `${title} (${list.length})` })), ...list.map(line)];
  body.replaceChildren(...group('Open deadlines', open), ...group('Past deadlines (met, missed or moved)', past));
}

