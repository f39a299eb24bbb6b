/**
 * A notification as an e-mail: the plain-text part is the stored message text as it is; the
 * HTML part is drawn from the same lines, so both say the same thing and a retried send (which
 * re-reads the stored text) produces the same message. Pure: no transport, no clock.
 */
import type { NotificationKind } from './reminders';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** An alert that cannot wait (a disclosure notice's window): flagged in the headers and the HTML. */
  urgent: boolean;
  /** The item's dashboard link, when the message is about one item. */
  link: string | undefined;
}

/** Rungs that announce a window closing now: the notice's "at once" alert and its earliest end. */
const URGENT_RUNGS = new Set(['created', 'earliest']);

export function isUrgent(m: { kind: NotificationKind; rung: string; subject: string }): boolean {
  return m.kind === 'alert' && (URGENT_RUNGS.has(m.rung) || /^urgent\b/i.test(m.subject));
}

const LINK_LINE = /^Open the item: (\S+)$/;
const URL_IN = /https?:\/\/[^\s<>"]+/g;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Text with each URL as a link; everything else escaped. */
function linkify(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_IN)) {
    out += escapeHtml(line.slice(last, m.index));
    const url = escapeHtml(m[0]);
    out += `<a href="${url}">${url}</a>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(line.slice(last));
}

export function mailContent(m: { kind: NotificationKind; rung: string; subject: string; text: string }): MailContent {
  const urgent = isUrgent(m);
  const lines = m.text.split('\n');
  const link = lines.map((l) => LINK_LINE.exec(l)?.[1]).find(Boolean);
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(`<ul>${list.map((l) => `<li>${l}</li>`).join('')}</ul>`);
    list = [];
  };
  lines.forEach((line, i) => {
    const linked = LINK_LINE.exec(line);
    if (line.startsWith('- ')) {
      list.push(linkify(line.slice(2)));
      return;
    }
    // A digest entry's link sits on its own indented line under the entry.
    if (/^\s+\S/.test(line) && list.length) {
      list[list.length - 1] += `<br>${linkify(line.trim())}`;
      return;
    }
    flush();
    if (linked) blocks.push(`<p><a href="${escapeHtml(linked[1]!)}">Open the item in Docketwatch</a></p>`);
    else if (line.trim() === '') return;
    else if (i === 0) blocks.push(`<p><strong>${linkify(line)}</strong></p>`);
    else if (/^[A-Z][A-Z0-9 ]+\(\d+\)$/.test(line)) blocks.push(`<h2 style="font-size:1em">${escapeHtml(line)}</h2>`);
    else blocks.push(`<p>${linkify(line)}</p>`);
  });
  flush();
  const banner = urgent
    ? '<p style="background:#b00020;color:#ffffff;padding:8px 12px;font-weight:bold">Urgent: act before this window closes.</p>'
    : '';
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.4;color:#1b1b1b">',
    banner,
    ...blocks,
    '<p style="color:#555555;font-size:0.9em">Sent by Docketwatch to you as a member of the matter’s team.</p>',
    '</body></html>',
  ].join('\n');
  return { subject: m.subject, text: m.text, html, urgent, link };
}
