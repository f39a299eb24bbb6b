/**
 * Test messages built as a mail client would send them: a letter as a PDF written with pdf-lib,
 * and raw RFC 5322 messages with a plain, HTML or PDF part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const LETTERS = join(import.meta.dirname, '..', 'fixtures', 'letters');
export const letterText = (name: string) => readFileSync(join(LETTERS, name), 'utf8');

/** The letter's lines set on US Letter pages in Helvetica, as an agency's word processor would. */
export async function letterPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const perPage = 48;
  for (let i = 0; i < lines.length; i += perPage) {
    const page = doc.addPage([612, 792]);
    lines.slice(i, i + perPage).forEach((line, j) => {
      // WinAnsi has no "§" trouble but no curly quotes beyond it: the fixtures are plain.
      if (line.trim()) page.drawText(line, { x: 60, y: 740 - j * 14, size: 10.5, font });
    });
  }
  return doc.save();
}

export interface MailOptions {
  from?: string;
  to?: string;
  subject?: string;
  /** RFC 5322 date. */
  date?: string;
  messageId?: string;
  text?: string;
  html?: string;
  pdf?: { filename: string; bytes: Uint8Array };
}

const wrap = (b64: string) => b64.replace(/.{1,76}/g, '$&\r\n');

export function rawMail(o: MailOptions): Buffer {
  const head = [
    `From: ${o.from ?? 'FOIA Office <foia@ice.dhs.gov>'}`,
    `To: ${o.to ?? 'intake@docketwatch.example'}`,
    `Subject: ${o.subject ?? 'Your FOIA request'}`,
    `Date: ${o.date ?? 'Mon, 20 Oct 2025 16:02:11 -0400'}`,
    `Message-ID: ${o.messageId ?? `<${Math.random().toString(36).slice(2)}@mail.example>`}`,
    'MIME-Version: 1.0',
  ];
  const body = o.html
    ? ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', wrap(Buffer.from(o.html).toString('base64'))]
    : ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', wrap(Buffer.from(o.text ?? '').toString('base64'))];
  if (!o.pdf) return Buffer.from([...head, ...body].join('\r\n'));
  const b = 'b0undary-letter';
  return Buffer.from(
    [
      ...head,
      `Content-Type: multipart/mixed; boundary="${b}"`,
      '',
      `--${b}`,
      ...body,
      `--${b}`,
      `Content-Type: application/pdf; name="${o.pdf.filename}"`,
      `Content-Disposition: attachment; filename="${o.pdf.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      wrap(Buffer.from(o.pdf.bytes).toString('base64')),
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}
