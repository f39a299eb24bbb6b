/**
 * The computation receipt: every step in words a lawyer can check against the rule.
 * Alternative readings are computed without one (SILENT), so they cost no strings.
 */
import { isoOf, type EpochDay } from '../calendar';

export interface ReceiptEntry {
  /**
   * A short machine tag: trigger, timezone, startcap, day0, extension, toll, count, skip,
   * tolled, counted, dst, lastday, rollforward, service, note, due, alternative, citation, calendar.
   */
  step: string;
  date?: string;
  /** The words a lawyer reads. */
  text: string;
}

export interface Trace {
  /** False for SILENT: lets callers skip building text nobody will read. */
  readonly on: boolean;
  add(step: string, text: string, day?: EpochDay | string): void;
}

export class Receipt implements Trace {
  readonly on = true;
  readonly entries: ReceiptEntry[] = [];

  add(step: string, text: string, day?: EpochDay | string): void {
    const date = typeof day === 'number' ? isoOf(day) : day;
    this.entries.push(date === undefined ? { step, text } : { step, date, text });
  }
}

export const SILENT: Trace = { on: false, add() {} };
