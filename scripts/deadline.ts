/**
 * Deadline calculator on the command line.
 *
 *   npm run --silent deadline -- --rule foia.response --trigger 2026-03-02 [--param key=value]... [--explain]
 *   npm run --silent deadline -- --batch < docket.jsonl
 *   npm run --silent deadline -- --trigger-set judgment_entered --trigger 2026-03-02 [--param us_party=true]
 *
 * Single mode prints the result as JSON (or, with --explain, the receipt as text); exit 2 on
 * bad input. Batch mode reads JSON lines {id?, rule, trigger, params?} and writes one JSON line
 * per input line, in order: {id, ...result} or {id, error, field?}. A line without an id is
 * identified by its line number. Blank lines are skipped. A bad line never stops the batch.
 * Trigger-set mode prints one JSON line per deadline the trigger sets, in the set's order:
 * {link, label, trigger, projected, ...result}.
 */
import { createInterface } from 'node:readline';
import { computeDeadline, computeTriggerSet, DeadlineInputError, RULE_IDS, TRIGGER_SET_IDS, type DeadlineRequest, type DeadlineResult } from '../core/deadlines';

const USAGE = `usage: deadline --rule <id> --trigger <date|date-time> [--param key=value]... [--explain]
       deadline --batch   (JSON lines on stdin: {"id":..., "rule":..., "trigger":..., "params":{...}})
       deadline --trigger-set <id> --trigger <date|date-time> [--param key=value]...   (one JSON line per deadline)
rules: ${RULE_IDS.join(', ')}
trigger sets: ${TRIGGER_SET_IDS.join(', ')}`;

interface Args {
  batch: boolean;
  explain: boolean;
  rule?: string;
  triggerSet?: string;
  trigger?: string;
  params: Record<string, unknown>;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { batch: false, explain: false, params: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new DeadlineInputError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--batch': args.batch = true; break;
      case '--explain': args.explain = true; break;
      case '--rule': args.rule = value(); break;
      case '--trigger-set': args.triggerSet = value(); break;
      case '--trigger': args.trigger = value(); break;
      case '--param': {
        const pair = value();
        const eq = pair.indexOf('=');
        if (eq < 1) throw new DeadlineInputError(`--param needs key=value, got "${pair}"`);
        args.params[pair.slice(0, eq)] = parseParamValue(pair.slice(eq + 1));
        break;
      }
      default: throw new DeadlineInputError(`unknown option "${arg}"\n${USAGE}`);
    }
  }
  return args;
}

/** --param values are text: whole numbers become numbers, JSON lists and objects are parsed. */
export function parseParamValue(text: string): unknown {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text; // the engine reports the bad list with the parameter's name
    }
  }
  return text;
}

export function explain(result: DeadlineResult): string {
  const lines = [
    `${result.rule.id}: due ${result.due} (ends ${result.dueInstant})`,
    ...(result.alternative ? [`alternative: ${result.alternative.due}. ${result.alternative.reason}`] : []),
    `rule: ${result.rule.citation}`,
    `calendar: ${result.calendarVersion}`,
    '',
    ...result.receipt.map((e, i) => `${String(i + 1).padStart(3)}. [${e.step}] ${e.text}`),
  ];
  return lines.join('\n');
}

/** One line per deadline of the set: which link it is, what it counts from, and the result. */
export function triggerSetLines(triggerSet: string, trigger: string, params: Record<string, unknown>): string[] {
  return computeTriggerSet({ triggerSet, trigger, params }).map(({ link, label, trigger: from, projected, result }) =>
    JSON.stringify({ link, label, trigger: from, projected, ...result }),
  );
}

/** One output object per input line: never throws for a bad line. */
export function batchLine(line: string, lineNumber: number): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    return { id: lineNumber, error: `line ${lineNumber} is not valid JSON: ${(err as Error).message}` };
  }
  const obj = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  const id = obj?.id ?? lineNumber;
  if (!obj) return { id, error: `line ${lineNumber} must be a JSON object {id?, rule, trigger, params?}` };
  try {
    return { id, ...computeDeadline(obj as unknown as DeadlineRequest) };
  } catch (err) {
    if (err instanceof DeadlineInputError) return { id, error: err.message, ...(err.field ? { field: err.field } : {}) };
    return { id, error: `internal error: ${(err as Error).message}` };
  }
}

async function runBatch(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(batchLine(line, n))}\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  if (args.batch) {
    await runBatch();
    return 0;
  }
  if (args.triggerSet !== undefined) {
    if (args.rule || !args.trigger) {
      process.stderr.write(`${args.rule ? '--trigger-set and --rule do not go together' : '--trigger-set needs --trigger'}\n${USAGE}\n`);
      return 2;
    }
    try {
      for (const line of triggerSetLines(args.triggerSet, args.trigger, args.params)) process.stdout.write(`${line}\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof DeadlineInputError)) throw err;
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
  }
  if (!args.rule || !args.trigger) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const result = computeDeadline({ rule: args.rule, trigger: args.trigger, params: args.params });
    process.stdout.write(`${args.explain ? explain(result) : JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof DeadlineInputError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
