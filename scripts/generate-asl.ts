/**
 * `npm run generate:asl`: writes statemachines/item-lifecycle.asl.json from the phase table.
 * `--check` only compares, and fails when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lifecycleAslText } from '../core/lifecycle/state-machine';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'statemachines', 'item-lifecycle.asl.json');
const text = lifecycleAslText();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run npm run generate:asl`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
