/**
 * A computation receipt in a few lines, as messages and the docket report show it. A module of
 * its own: the matter page reads it without loading the calendars the reminders need.
 */
import type { ReceiptEntry } from './deadlines';

/** Steps of a receipt that say why the date is what it is, in the order the engine wrote them. */
const KEY_STEPS = new Set(['trigger', 'extension', 'tolled', 'toll', 'skip', 'rollforward', 'service', 'lastday', 'due']);
const MAX_RECEIPT_LINES = 6;
const MAX_LINE = 220;

/** The computation receipt in a few lines: trigger, what moved the date, the result. */
export function receiptInShort(receipt: readonly ReceiptEntry[]): string[] {
  const key = receipt.filter((e) => KEY_STEPS.has(e.step));
  const chosen = (key.length >= 2 ? key : receipt).slice(0, MAX_RECEIPT_LINES);
  const lines = chosen.map((e) => (e.text.length > MAX_LINE ? `${e.text.slice(0, MAX_LINE - 1)}…` : e.text));
  const rest = receipt.length - chosen.length;
  if (rest > 0) lines.push(`(${rest} more step${rest === 1 ? '' : 's'} in the full receipt)`);
  return lines;
}
