/**
 * The docket reader on the command line.
 *
 *   npm run --silent docket -- --parse --side plaintiffs [--us-party yes|no] [--court DDC|CADC] [--appellant plaintiffs|defendants] < input
 *
 * Reads one CourtListener webhook body or one raw NEF e-mail on standard input (told apart by
 * their content) and prints one JSON line per proposal: {entry, action, rule, due, trigger,
 * label, evidence}, with `clerk` (the clerk's date and why it differs) and `review` (why a
 * person must decide) when they apply. An entry without consequence prints nothing. Exit 2 on
 * bad options or input that is neither source.
 */
import { readFileSync } from 'node:fs';
import { DocketSourceError, publicProposal, readDocket, type DocketContext } from '../core/docket';

const USAGE = 'usage: docket --parse --side plaintiffs|defendants [--us-party yes|no] [--court DDC|CADC] [--appellant plaintiffs|defendants] < body-or-message';

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): DocketContext {
  let parse = false;
  const ctx: Partial<DocketContext> = { usParty: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (allowed: string[]): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || !allowed.includes(v)) throw new UsageError(`${flag} takes one of ${allowed.join(', ')}`);
      return v;
    };
    switch (flag) {
      case '--parse': parse = true; break;
      case '--side': ctx.side = value(['plaintiffs', 'defendants']) as DocketContext['side']; break;
      case '--us-party': ctx.usParty = value(['yes', 'no']) === 'yes'; break;
      case '--court': ctx.court = value(['DDC', 'CADC']) as DocketContext['court']; break;
      case '--appellant': ctx.appellant = value(['plaintiffs', 'defendants']) as DocketContext['side']; break;
      default: throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if (!parse) throw new UsageError('--parse is required');
  if (!ctx.side) throw new UsageError('--side is required');
  return ctx as DocketContext;
}

function main(): number {
  let ctx: DocketContext;
  try {
    ctx = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  const input = readFileSync(0, 'utf8');
  try {
    const read = readDocket(input, ctx);
    for (const u of read.unread) process.stderr.write(`entry ${u.index} of the body not read: ${u.reason}\n`);
    for (const { proposals } of read.entries) for (const p of proposals) process.stdout.write(`${JSON.stringify(publicProposal(p))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof DocketSourceError) {
      process.stderr.write(`not a docket entry: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = main();
