/** Writes a generated file, or with `--check` fails when the committed one is out of date. */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function writeGenerated(relativePath: string, text: string, command: string): void {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', relativePath);
  if (!process.argv.includes('--check')) return writeFileSync(file, text);
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run ${command}`);
    process.exit(1);
  }
}
