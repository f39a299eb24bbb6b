/**
 * `npm run generate:forms`: writes web/event-types.js from the server's event schemas.
 * `--check` only compares, and fails when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventFormsText } from './event-forms';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'event-types.js');
const text = eventFormsText();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run npm run generate:forms`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
