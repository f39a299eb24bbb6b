/**
 * The agency-letter reader on the command line.
 *
 *   npm run --silent letter -- --parse < message.eml
 *
 * Reads one raw e-mail message (the letter in its body or in a PDF attachment) on standard input
 * and prints one JSON line per event the letter reports: {type, at, trackingNumber?,
 * workingDays?, outcome?, agency?, evidence}. A message that is not an agency letter prints
 * nothing (why goes to standard error). Exit 2 on bad options, or for a message refused whole
 * (too large, a MIME bomb, a letter naming a day that does not exist).
 */
import { readFileSync } from 'node:fs';
import { LetterDateError, printedEvent } from '../core/letters';
import { MailRefusedError } from '../functions/lib/mail-parse';
import { readMail } from '../functions/lib/mail-read';

const USAGE = 'usage: letter --parse < message.eml';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] !== '--parse') {
    process.stderr.write(`${argv.find((a) => a !== '--parse') ? `unknown option "${argv.find((a) => a !== '--parse')}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  const input = readFileSync(0);
  try {
    const read = await readMail(input, new Date().toISOString().slice(0, 10));
    if (read.kind === 'nef') process.stderr.write('a court notice (Notice of Electronic Filing), not an agency letter: read it with `npm run docket -- --parse`\n');
    if (read.kind === 'unrecognised') process.stderr.write(`not read: ${read.reason}\n`);
    if (read.kind !== 'letter') return 0;
    for (const note of read.notes) process.stderr.write(`note: ${note}\n`);
    for (const e of read.letter.events) process.stdout.write(`${JSON.stringify(printedEvent(e))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof MailRefusedError || err instanceof LetterDateError) {
      process.stderr.write(`refused: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
