// One deadline's clock as a picture: an SVG timeline drawn from its computation receipt, from
// the trigger to the due date. Each day is a cell: counted, skipped (weekend or holiday, named in
// its <title> on hover), tolled, or counted under the extension; markers for the alternative
// date, today and, for a FOIA response clock, the first day the requester may sue. The same
// facts are written out in the caption, for screen readers and for print.
import { el } from '/format.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86_400_000;
/** Past this many days (limitations periods run years) the picture shows only its markers. */
const MAX_CELLS = 400;
const WIDTH = 760;
const BAR_Y = 34;
const BAR_H = 26;

const dayMs = (iso) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const shortDate = (iso) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(dayMs(iso)));

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}
const titled = (node, text) => {
  node.append(svg('title', {}, text));
  return node;
};

/** FOIA's agency response clocks: when one runs out unanswered, the requester may sue (552(a)(6)(C)(i)). */
const SUE_RULES = /^foia\.response/;

/** What the receipt says about each day, and the clock's landmarks. */
export function clockFacts(deadline, todayIso) {
  const receipt = deadline.receipt ?? [];
  const trigger = receipt.find((r) => r.step === 'trigger' && r.date)?.date ?? receipt.find((r) => r.date)?.date;
  const due = deadline.due.slice(0, 10);
  const days = new Map();
  for (const r of receipt) {
    if (!r.date) continue;
    if (r.step === 'skip') {
      const reason = r.text.replace(/^.*?(not a working day|the period cannot end on this day): /, '');
      days.set(r.date, { kind: /^(Saturday|Sunday)\b/.test(reason) ? 'weekend' : 'holiday', reason });
    } else if (r.step === 'tolled') {
      days.set(r.date, { kind: 'tolled', reason: r.text.replace(/^[^:]*: /, '') });
    }
  }
  const extension = Number(/extension of (\d+) working day/.exec(receipt.find((r) => r.step === 'extension')?.text ?? '')?.[1] ?? 0);
  const alternative = deadline.alternative?.due?.slice(0, 10);
  const sue = SUE_RULES.test(deadline.rule) ? isoOf(dayMs(due) + DAY) : undefined;
  return { trigger: trigger?.slice(0, 10), due, days, extension, alternative, sue, today: todayIso };
}

/** Consecutive days of one kind, as [first, last, reason] spans. */
function spansOf(days, kind) {
  const out = [];
  for (const [iso, d] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    if (d.kind !== kind) continue;
    const last = out.at(-1);
    if (last && dayMs(iso) - dayMs(last[1]) === DAY) last[1] = iso;
    else out.push([iso, iso, d.reason]);
  }
  return out;
}

export function clockFigure(deadline, { todayIso, id }) {
  const f = clockFacts(deadline, todayIso);
  if (!f.trigger) return null;
  const start = dayMs(f.trigger);
  const ends = [f.due, f.alternative, f.sue].filter(Boolean).map(dayMs);
  const end = Math.max(...ends, start);
  const count = Math.round((end - start) / DAY) + 1;
  const cell = WIDTH / count;
  const x = (iso) => ((dayMs(iso) - start) / DAY) * cell;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const root = svg('svg', {
    class: 'clock-svg', viewBox: `0 0 ${WIDTH} 128`, width: '100%', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    'data-deadline': deadline.id,
  });
  root.append(svg('title', { id: titleId }, `${deadline.label}: from ${f.trigger} to ${f.due}`));
  const facts = [];

  // The counted days, newest last; the last `extension` counted days are the extension's.
  const counted = [];
  if (count <= MAX_CELLS) {
    for (let i = 0; i < count; i++) {
      const iso = isoOf(start + i * DAY);
      const known = f.days.get(iso);
      const beforeDue = iso <= f.due;
      const kind = i === 0 ? 'trigger' : known?.kind ?? (beforeDue ? 'counted' : 'after');
      if (kind === 'counted') counted.push(iso);
      const rect = svg('rect', { class: `clock-day day-${kind}`, x: (i * cell).toFixed(2), y: BAR_Y, width: Math.max(cell - 0.6, 0.6).toFixed(2), height: BAR_H, 'data-date': iso });
      titled(rect, known ? `${iso}: ${known.kind === 'tolled' ? 'tolled, not counted' : 'not counted'}: ${known.reason}` : i === 0 ? `${iso}: day 0 (${deadline.label} counts from here)` : beforeDue ? `${iso}: counted` : `${iso}: after the due date`);
      root.append(rect);
    }
    if (f.extension > 0) {
      for (const iso of counted.slice(-f.extension)) root.querySelector(`rect[data-date="${iso}"]`)?.classList.add('day-extension');
      const first = counted.at(-f.extension);
      if (first) facts.push(`Extension: the last ${f.extension} working days, from ${first} to ${f.due}.`);
    }
  } else {
    root.append(svg('rect', { class: 'clock-day day-counted', x: 0, y: BAR_Y, width: x(f.due) + cell, height: BAR_H }));
  }

  for (const [a, b, reason] of spansOf(f.days, 'tolled')) {
    const n = Math.round((dayMs(b) - dayMs(a)) / DAY) + 1;
    const text = `Tolled from ${a} through ${b} (${n} day${n === 1 ? '' : 's'} not counted): ${reason}`;
    root.append(titled(svg('rect', { class: 'clock-toll', x: x(a).toFixed(2), y: BAR_Y - 6, width: (n * cell).toFixed(2), height: 4 }), text));
    root.append(svg('text', { class: 'clock-label', x: x(a).toFixed(2), y: BAR_Y - 10 }, 'tolled'));
    facts.push(`${text}.`);
  }
  for (const [iso, d] of [...f.days].sort(([a], [b]) => a.localeCompare(b))) {
    if (d.kind === 'holiday') facts.push(`Skipped ${iso}: ${d.reason}.`);
  }
  const weekends = [...f.days.values()].filter((d) => d.kind === 'weekend').length;
  if (weekends) facts.push(`${weekends} weekend day${weekends === 1 ? '' : 's'} not counted.`);

  const marker = (iso, cls, label, text, row) => {
    if (!iso) return;
    const cx = Math.min(x(iso) + cell / 2, WIDTH - 1);
    const g = svg('g', { class: `clock-marker ${cls}`, 'data-date': iso });
    g.append(svg('line', { x1: cx.toFixed(2), x2: cx.toFixed(2), y1: BAR_Y - 2, y2: BAR_Y + BAR_H + 8 + row * 14 }));
    g.append(svg('text', { x: cx.toFixed(2), y: BAR_Y + BAR_H + 18 + row * 14, 'text-anchor': cx > WIDTH * 0.8 ? 'end' : cx < WIDTH * 0.2 ? 'start' : 'middle' }, `${label} ${shortDate(iso)}`));
    titled(g, text);
    root.append(g);
    facts.push(text);
  };
  marker(f.trigger, 'marker-trigger', 'Trigger', `Trigger (day 0): ${f.trigger}.`, 0);
  marker(f.due, 'marker-due', 'Due', `Due ${f.due} (the binding date).`, 0);
  if (f.alternative && f.alternative !== f.due) marker(f.alternative, 'marker-alternative', 'Alt.', `Alternative reading: ${f.alternative}. ${deadline.alternative.reason}`, 1);
  if (f.sue) marker(f.sue, 'marker-sue', 'May sue', `If the agency has not answered by ${f.due}, the requester may sue from ${f.sue} (constructive exhaustion, 5 U.S.C. 552(a)(6)(C)(i)).`, 2);
  if (f.today && dayMs(f.today) >= start && dayMs(f.today) <= end) marker(f.today, 'marker-today', 'Today', `Today: ${f.today}.`, f.alternative ? 3 : 1);

  const desc = facts.join(' ');
  root.insertBefore(svg('desc', { id: descId }, desc), root.firstChild.nextSibling);
  const legend = el('ul', { class: 'clock-legend', 'aria-hidden': 'true' },
    ...[['counted', 'counted'], ['weekend', 'weekend'], ['holiday', 'holiday'], ['tolled', 'tolled'], ['extension', 'extension']]
      .map(([k, label]) => el('li', {}, el('span', { class: `swatch day-${k}` }), label)));
  return el('figure', { class: 'clock', id },
    root,
    legend,
    el('figcaption', { class: 'clock-facts' }, el('ul', {}, ...facts.map((t) => el('li', { text: t })))));
}
