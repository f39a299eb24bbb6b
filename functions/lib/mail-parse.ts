/**
 * One raw e-mail message (RFC 5322) into what the readers need: who sent it and when, its text,
 * and the text of each PDF it carries. MIME through mailparser, PDF text through unpdf (PDF.js).
 * A message too large or built to exhaust the parser is refused before it is parsed.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import { htmlToText } from '../../core/docket';
import { MAX_MESSAGE_BYTES, MAX_MULTIPARTS, MAX_PARTS } from '../../core/mail-in';
import { MailRefusedError } from './errors';

const MAX_PDF_PAGES = 60;

export { MailRefusedError, MAX_MESSAGE_BYTES, MAX_MULTIPARTS, MAX_PARTS };

export interface PdfPart {
  filename: string;
  text?: string;
  /** Why no text was read from it. */
  reason?: string;
}

export interface ParsedMessage {
  messageId?: string;
  /** SHA-256 of the raw bytes: what makes a message the same message. */
  sha256: string;
  /** ISO date of the message in its sender's own offset. */
  date?: string;
  from?: string;
  to: string[];
  subject?: string;
  /** The body as plain text (HTML turned to text; scripts and styles dropped, never run). */
  text: string;
  html: boolean;
  pdfs: PdfPart[];
  /** When the body forwards another message: its sender, date and subject. */
  forwarded?: { from?: string; date?: string; subject?: string };
}

/** Refuses what must not reach the parser: too large, too many parts, nested too deep. */
export function checkShape(raw: Buffer): void {
  if (raw.length === 0) throw new MailRefusedError('the message is empty');
  if (raw.length > MAX_MESSAGE_BYTES) throw new MailRefusedError(`the message is ${raw.length} bytes; at most ${MAX_MESSAGE_BYTES} are accepted`, true);
  const head = raw.toString('latin1');
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(head.slice(0, 4096))) throw new MailRefusedError('not an e-mail message: it has no header fields');
  const parts = (head.match(/^content-type\s*:/gim) ?? []).length;
  if (parts > MAX_PARTS) throw new MailRefusedError(`the message has ${parts} MIME parts; at most ${MAX_PARTS} are accepted`);
  const multiparts = (head.match(/^content-type\s*:\s*multipart\//gim) ?? []).length;
  if (multiparts > MAX_MULTIPARTS) throw new MailRefusedError(`the message nests ${multiparts} multipart containers; at most ${MAX_MULTIPARTS} are accepted`);
}

export const sha256 = (raw: Buffer) => createHash('sha256').update(raw).digest('hex');

export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  checkShape(raw);
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2 * 1024 * 1024 });
  // mailparser makes text of an HTML-only message itself; ours drops scripts and styles whole.
  const html = typeof mail.html === 'string' && !/^content-type\s*:\s*text\/plain/im.test(raw.toString('latin1'));
  const text = (html ? htmlToText(mail.html as string) : (mail.text ?? '')).replace(/\r\n?/g, '\n');
  const pdfs: PdfPart[] = [];
  for (const a of mail.attachments) if (isPdf(a)) pdfs.push(await pdfPart(a));
  const dateHeader = headerText(raw, 'date');
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    sha256: sha256(raw),
    ...(dateOnly(dateHeader) ? { date: dateOnly(dateHeader)! } : {}),
    ...(mail.from?.value[0]?.address ? { from: mail.from.value[0].address.toLowerCase() } : {}),
    to: addresses(mail.to).concat(addresses(mail.cc)),
    ...(mail.subject ? { subject: mail.subject } : {}),
    text,
    html,
    pdfs,
    ...forwardedOf(text),
  };
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((o) => o.value.map((v) => v.address?.toLowerCase()).filter((x): x is string => Boolean(x)));
}

const isPdf = (a: Attachment) => /^application\/(?:x-)?pdf$/i.test(a.contentType) || /\.pdf$/i.test(a.filename ?? '');

async function pdfPart(a: Attachment): Promise<PdfPart> {
  const filename = a.filename ?? 'attachment.pdf';
  try {
    return { filename, text: await pdfText(a.content) };
  } catch (err) {
    return { filename, reason: (err as Error).message };
  }
}

export class PdfUnreadableError extends Error {
  override name = 'PdfUnreadableError';
}

/** The text of a PDF, page after page. Throws PdfUnreadableError for anything that is not one. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) throw new PdfUnreadableError('the attachment is not a PDF (no %PDF- header)');
  let doc;
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true });
  } catch (err) {
    throw new PdfUnreadableError(`the PDF cannot be read: ${(err as Error).message}`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new PdfUnreadableError(`the PDF has ${doc.numPages} pages; letters of at most ${MAX_PDF_PAGES} are read`);
    const { text } = await extractText(doc, { mergePages: false });
    return (text as string[]).join('\n\n');
  } catch (err) {
    if (err instanceof PdfUnreadableError) throw err;
    throw new PdfUnreadableError(`the PDF's text cannot be read: ${(err as Error).message}`);
  } finally {
    await doc.destroy();
  }
}

/** The raw value of one top-level header field (unfolded). */
function headerText(raw: Buffer, name: string): string | undefined {
  const head = raw.toString('latin1').split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Tue, 20 Oct 2025 16:02:11 -0400" → "2025-10-20": the day as the sender wrote it. */
export function dateOnly(value: string | undefined): string | undefined {
  const m = value ? /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(value) : null;
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** A forwarded message's own header lines, as mail clients write them into the body. */
function forwardedOf(text: string): { forwarded?: ParsedMessage['forwarded'] } {
  const start = /^[ \t>]*(?:-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}|Begin forwarded message:)[ \t]*$/im.exec(text);
  if (!start) return {};
  const block = text.slice(start.index, start.index + 2000);
  const field = (name: string) => new RegExp(`^[ \\t>]*(?:${name}):[ \\t]*(.+)$`, 'im').exec(block)?.[1]?.trim();
  const from = field('From');
  const address = from ? (/<([^>]+)>/.exec(from)?.[1] ?? /[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0]) : undefined;
  const dateLine = field('Date|Sent');
  return {
    forwarded: {
      ...(address ? { from: address.toLowerCase() } : {}),
      ...(dateLine ? { date: dateOnly(dateLine) ?? forwardedDate(dateLine) } : {}),
      ...(field('Subject') ? { subject: field('Subject')! } : {}),
    },
  };
}

/** "Monday, October 20, 2025 4:02 PM" (how some clients write a forwarded date). */
function forwardedDate(line: string): string | undefined {
  const m = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(line);
  if (!m) return undefined;
  return dateOnly(`${m[2]} ${m[1]} ${m[3]}`);
}
