/**
 * What an e-mail message is: a court's Notice of Electronic Filing (for the docket reader), an
 * agency's letter about a record request (read here, from its body or its PDF), or neither
 * (kept as unrecognised, with the reason). Throws MailRefusedError for a message that must not
 * be parsed, and LetterDateError (through the letter reader) for a letter with a day that does
 * not exist.
 */
import { DocketSourceError, readNef, type DocketEntry } from '../../core/docket';
import { readLetter, type LetterReading } from '../../core/letters';
import { parseMessage, type ParsedMessage } from './mail-parse';

export type MailReading =
  | { kind: 'nef'; entry: DocketEntry; message: ParsedMessage }
  /** `from`: where the letter was read, "body" or the PDF's file name. */
  | { kind: 'letter'; letter: LetterReading; from: string; message: ParsedMessage; notes: string[] }
  | { kind: 'unrecognised'; reason: string; message: ParsedMessage };

export async function readMail(raw: Buffer, today: string): Promise<MailReading> {
  const message = await parseMessage(raw);
  try {
    return { kind: 'nef', entry: readNef(raw.toString('utf8')), message };
  } catch (err) {
    if (!(err instanceof DocketSourceError)) throw err;
  }
  const sender = message.forwarded?.from ?? message.from;
  const date = message.forwarded?.date ?? message.date ?? today;
  const subject = message.forwarded?.subject ?? message.subject;
  const notes = message.pdfs.filter((p) => p.reason).map((p) => `${p.filename}: ${p.reason}`);
  // The letter is in its PDF when it has one; the body of such a message says little more than "attached".
  const candidates: { from: string; text: string }[] = [
    ...message.pdfs.filter((p) => p.text?.trim()).map((p) => ({ from: p.filename, text: p.text! })),
    { from: 'body', text: message.text },
  ];
  const readings = candidates.map((c) => ({ from: c.from, letter: readLetter({ text: c.text, date, ...(sender ? { sender } : {}), ...(subject ? { subject } : {}) }) }));
  const best = readings.find((r) => r.letter.recognised && r.letter.events.length > 0);
  if (best) return { kind: 'letter', letter: best.letter, from: best.from, message, notes: [...notes, ...best.letter.notes] };
  // A letter about a request that reports nothing we track (a status note, an appeal) is kept and listed, like anything else unread.
  const about = readings.find((r) => r.letter.recognised);
  const why = [...notes, ...(about?.letter.notes ?? [])];
  const what = about ? 'an agency letter that reports no event of a record request' : 'neither a court notice nor an agency letter about a record request';
  return { kind: 'unrecognised', reason: why.length ? `${what} (${why.join('; ')})` : what, message };
}
