/**
 * The two shapes a docket entry arrives in, turned into one `DocketEntry`:
 * - a CourtListener docket-alert webhook body (`{webhook, payload: {results: [entry...]}}`);
 * - a CM/ECF Notice of Electronic Filing (district court) or Notice of Docket Activity (court of
 *   appeals), as the raw e-mail message (headers, MIME parts, quoted-printable or base64, plain
 *   text or HTML).
 * Pure: no I/O. Input that is not one of these shapes is a `DocketSourceError` with the reason.
 */
import { courtTimeFromLocal, formatCourtTime } from '../deadlines/time';
import { isPlainObject } from '../validate';

export type DocketCourt = 'DDC' | 'CADC';

export interface DocketEntry {
  source: 'courtlistener' | 'nef';
  /** What deduplicates the entry: CourtListener's entry id + RECAP sequence number, or the NEF's case, document and time. */
  key: string;
  /** The entry's number as the court gives it; null for an unnumbered minute entry. */
  entry: string | null;
  /** ISO date the entry was filed (the court's date). */
  filedOn: string;
  /** ISO date-time with offset when the source gives the time of entry. */
  enteredAt?: string;
  text: string;
  court?: DocketCourt;
  /** CourtListener's docket id, or the case number the NEF names. */
  docketId?: number;
  caseNumber?: string;
  caseName?: string;
  /** The NEF's "Filer:" line, when present. */
  filer?: string;
}

export class DocketSourceError extends Error {
  override name = 'DocketSourceError';
}

/** An entry of a body that could not be read, kept with the reason. */
export interface UnreadEntry {
  index: number;
  reason: string;
}

export interface CourtListenerBody {
  idempotencyEventType?: number;
  entries: DocketEntry[];
  unread: UnreadEntry[];
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?/;
/** CourtListener's docket alert event type. */
export const DOCKET_ALERT_EVENT = 1;

/** Reads a parsed webhook body. Throws when it is not a docket-alert body at all. */
export function readCourtListenerBody(body: unknown): CourtListenerBody {
  if (!isPlainObject(body)) throw new DocketSourceError('the body must be a JSON object {webhook, payload}');
  const webhook = body.webhook;
  if (!isPlainObject(webhook)) throw new DocketSourceError('the body has no "webhook" object');
  if (webhook.event_type !== DOCKET_ALERT_EVENT) throw new DocketSourceError(`webhook.event_type ${JSON.stringify(webhook.event_type)} is not a docket alert (${DOCKET_ALERT_EVENT})`);
  const payload = body.payload;
  if (!isPlainObject(payload) || !Array.isArray(payload.results)) throw new DocketSourceError('the body has no "payload.results" list');
  const entries: DocketEntry[] = [];
  const unread: UnreadEntry[] = [];
  payload.results.forEach((raw: unknown, index: number) => {
    const read = readCourtListenerEntry(raw);
    if (typeof read === 'string') unread.push({ index, reason: read });
    else entries.push(read);
  });
  // RECAP sequence numbers order entries filed the same day; the reader sees them in docket order.
  entries.sort((a, b) => a.filedOn.localeCompare(b.filedOn) || seqOf(a).localeCompare(seqOf(b)));
  return { entries, unread };
}

const seqOf = (e: DocketEntry) => e.key.split(':')[2] ?? '';

function readCourtListenerEntry(raw: unknown): DocketEntry | string {
  if (!isPlainObject(raw)) return 'the entry is not an object';
  const id = raw.id;
  if (typeof id !== 'number' && typeof id !== 'string') return 'the entry has no id';
  const date = typeof raw.date_filed === 'string' ? raw.date_filed : '';
  if (!realIsoDay(date)) return `date_filed ${JSON.stringify(raw.date_filed)} is not a real date`;
  const text = typeof raw.description === 'string' ? cleanText(raw.description) : '';
  const docs = Array.isArray(raw.recap_documents) ? raw.recap_documents.filter(isPlainObject) : [];
  // An RSS stub may carry its text only on the main document.
  const docText = docs.map((d) => (typeof d.description === 'string' ? d.description : '')).find((d) => d.trim()) ?? '';
  const full = text || cleanText(docText);
  if (!full) return 'the entry has no description';
  const sequence = raw.recap_sequence_number === null || raw.recap_sequence_number === undefined ? '' : String(raw.recap_sequence_number);
  const number = raw.entry_number === null || raw.entry_number === undefined || raw.entry_number === '' ? null : String(raw.entry_number);
  let enteredAt: string | undefined;
  const time = typeof raw.time_filed === 'string' ? CL_TIME.exec(raw.time_filed) : null;
  if (time) enteredAt = courtDateTime(date, Number(time[1]), Number(time[2]));
  return {
    source: 'courtlistener',
    key: `cl:${id}:${sequence}`,
    entry: number,
    filedOn: date,
    ...(enteredAt ? { enteredAt } : {}),
    text: full,
    ...(typeof raw.docket === 'number' ? { docketId: raw.docket } : {}),
  };
}

// ---------------------------------------------------------------- NEF e-mail

const NEF_ENTERED = /transaction was (?:entered|filed)(?: by [^\n]*?)? on (\d{1,2})\/(\d{1,2})\/(\d{4})(?: at (\d{1,2}):(\d{2})(?::\d{2})? ?([AP]M))?(?: ?[A-Z]{2,4})?(?: and filed on (\d{1,2})\/(\d{1,2})\/(\d{4}))?/i;

/** Reads a raw NEF message. Throws when the message is not a notice of electronic filing. */
export function readNef(raw: string): DocketEntry {
  if (typeof raw !== 'string' || raw.trim() === '') throw new DocketSourceError('the message is empty');
  // Mail clients put no-break spaces in times ("4:15\u202fPM"); the reader wants plain ones.
  const { headers, body } = splitMessage(raw.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f]/g, ' '));
  const text = messageText(headers, body);
  const subject = decodeHeader(headers.get('subject') ?? '');
  const field = (name: string) => {
    const m = new RegExp(`^[ \\t]*${name}:[ \\t]*(.*)$`, 'im').exec(text);
    return m ? m[1]!.trim() : undefined;
  };
  // The docket text runs to the list of recipients (or the documents' list), whatever lines it has.
  const docketText = (() => {
    const m = /^[ \t]*Docket Text:[ \t]*([\s\S]*?)(?=^[^\n]*(?:Notice (?:has been|will be) (?:electronically )?(?:mailed|delivered)|Notice will not be|The following document\(s\) (?:are|is) associated)|$(?![\s\S]))/im.exec(text);
    return m ? cleanText(m[1]!) : '';
  })();
  const caseNumber = field('Case Number') ?? /Activity in Case ([\w:.-]+)/i.exec(subject)?.[1];
  if (!docketText || !caseNumber) throw new DocketSourceError('not a Notice of Electronic Filing: no "Case Number:" and "Docket Text:"');
  const when = NEF_ENTERED.exec(text);
  if (!when) throw new DocketSourceError('the notice does not say when the transaction was entered ("entered on M/D/YYYY at H:MM PM")');
  const entered = isoDay(when[3]!, when[1]!, when[2]!);
  const filed = when[9] ? isoDay(when[9], when[7]!, when[8]!) : entered;
  if (!realIsoDay(entered) || !realIsoDay(filed)) throw new DocketSourceError('the notice gives a date that does not exist');
  let enteredAt: string | undefined;
  if (when[4]) {
    const hour12 = Number(when[4]);
    const hour = (hour12 % 12) + (when[6]!.toUpperCase() === 'PM' ? 12 : 0);
    enteredAt = courtDateTime(entered, hour, Number(when[5]));
  }
  const docNumber = field('Document Number');
  // The court of appeals numbers each docket entry in brackets ("CLERK'S ORDER filed [2139876]").
  const entry = docNumber && /^\d+/.test(docNumber) ? /^\d+/.exec(docNumber)![0] : (/\[(\d{6,8})\]/.exec(docketText)?.[1] ?? null);
  // A district case number reads 1:25-cv-00457; the court of appeals' 26-5006.
  const court: DocketCourt | undefined = /^\d:\d{2}-[a-z]{2}-\d+/i.test(caseNumber) || /U\.S\. District Court|Notice of Electronic Filing/i.test(text.slice(0, 1500))
    ? 'DDC'
    : /^\d{2}-\d{4}$/.test(caseNumber) || /Court of Appeals|Notice of Docket Activity/i.test(text.slice(0, 1500)) ? 'CADC' : undefined;
  const caseName = field('Case Name');
  const filer = field('Filer');
  return {
    source: 'nef',
    key: `nef:${caseNumber}:${entry ?? 'minute'}:${enteredAt ?? entered}`,
    entry,
    filedOn: filed,
    ...(enteredAt ? { enteredAt } : {}),
    text: docketText,
    ...(court ? { court } : {}),
    caseNumber,
    ...(caseName ? { caseName } : {}),
    ...(filer ? { filer } : {}),
  };
}

function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\n\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  // A message without headers (text pasted from a mail client) is all body.
  if (!/^[A-Za-z-]+:/.test(head)) return { headers, body: raw };
  let last = '';
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && last) headers.set(last, `${headers.get(last)} ${line.trim()}`);
    else {
      const i = line.indexOf(':');
      if (i > 0) {
        last = line.slice(0, i).trim().toLowerCase();
        headers.set(last, line.slice(i + 1).trim());
      }
    }
  }
  return { headers, body: end < 0 ? '' : raw.slice(end + 2) };
}

/** The readable text of a message: the text/plain part, else the HTML part without its markup. */
function messageText(headers: Map<string, string>, body: string, depth = 0): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary && depth < 4) {
    const parts = body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--'));
    const read = parts.map((p) => splitMessage(p.replace(/^\n/, '')));
    const plain = read.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain'));
    const chosen = plain ?? read.find((p) => /^(text\/html|multipart\/)/i.test(p.headers.get('content-type') ?? ''));
    return chosen ? messageText(chosen.headers, chosen.body, depth + 1) : '';
  }
  const decoded = decodeTransfer(body, headers.get('content-transfer-encoding') ?? '');
  return /^text\/html/i.test(type) || /<html|<body|<p[ >]|<br/i.test(decoded) ? htmlToText(decoded) : decoded;
}

function decodeTransfer(body: string, encoding: string): string {
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Markup out, text in: scripts and styles go with their content, block tags become line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\s*(br|\/p|\/div|\/tr|\/h\d|\/li|p|div|tr|table|\/table)\b[^>]*>/gi, '\n')
    .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (m, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n');
}

/** One line of text: no markup, no control characters, single spaces. */
function cleanText(text: string): string {
  const plain = /<[a-z!/][^>]*>/i.test(text) ? htmlToText(text) : text;
  return plain.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function isoDay(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function realIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** A wall-clock time at the court on a date, as an ISO date-time with the court's offset. */
export function courtDateTime(day: string, hour: number, minute: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatCourtTime(courtTimeFromLocal(Date.UTC(y, m - 1, d, hour, minute)));
}
