/**
 * One reminder sweep at a chosen instant, against the running local stack (`npm start`):
 *
 *   npm run remind -- --now 2026-03-23T08:30:00-04:00 [--url http://127.0.0.1:3000] [--token <jwt>]
 *
 * It asks the stack's local-only route POST /local/sweep (local/sweep-route.ts), so the sweep
 * runs inside the stack's process with its DynamoDB Local and settings, and prints what it sent.
 * Without --now the sweep runs at the stack's clock. The token defaults to $DATA_DIR/team.jwt
 * (DATA_DIR defaults to .local), the URL to http://127.0.0.1:$PORT (PORT defaults to 3000).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run remind -- [--now <ISO date-time with offset>] [--url <stack URL>] [--token <team JWT>]';

interface Args {
  now?: string;
  url: string;
  token?: string;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { url: `http://127.0.0.1:${process.env.PORT ?? 3000}` };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--now') args.now = value();
    else if (flag === '--url') args.url = value().replace(/\/$/, '');
    else if (flag === '--token') args.token = value();
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (args.now !== undefined && (!/(Z|[+-]\d{2}:\d{2})$/i.test(args.now) || Number.isNaN(Date.parse(args.now)))) {
    throw new Error(`--now must be an ISO date-time with an offset (2026-03-23T08:30:00-04:00 or ...Z), got ${args.now}`);
  }
  return args;
}

interface Sent {
  sentAt: string;
  kind: string;
  rung: string;
  recipient: string;
  itemId: string | null;
  subject: string;
  retried: boolean;
}

interface Report {
  at: string;
  read: { due: number; watched: number; pending: number };
  restarted?: string[];
  reconciled: string[];
  sent: Sent[];
  alreadySent: number;
  failed: number;
}

export function formatReport(r: Report): string {
  const lines = [
    `Sweep at ${r.at}: read ${r.read.due} due, ${r.read.watched} watched, ${r.read.pending} pending; ` +
      `marked ${r.reconciled.length} missed; sent ${r.sent.length}; ${r.alreadySent} already sent; ${r.failed} failed` +
      `${r.restarted?.length ? `; restarted ${r.restarted.length} workflow${r.restarted.length === 1 ? '' : 's'}` : ''}.`,
  ];
  if (r.sent.length) {
    const rows = r.sent.map((s) => [s.kind + (s.retried ? ' (retry)' : ''), s.rung, s.recipient, s.itemId ?? '-', s.subject]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(['kind', 'rung', 'recipient', 'item'][i]!.length, ...rows.map((row) => row[i]!.length)));
    const fmt = (row: string[]) => row.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ');
    lines.push('', fmt(['kind', 'rung', 'recipient', 'item', 'subject']), ...rows.map(fmt));
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  let token = args.token;
  if (!token) {
    const file = join(resolve(ROOT, process.env.DATA_DIR ?? '.local'), 'team.jwt');
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch {
      console.error(`No team token at ${file}: start the stack with \`npm start\` first, or pass --token.`);
      return 1;
    }
  }
  let res: Response;
  try {
    res = await fetch(`${args.url}/local/sweep`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(args.now ? { now: args.now } : {}),
    });
  } catch {
    console.error(`No local stack answers at ${args.url}: is \`npm start\` running?`);
    return 1;
  }
  if (res.status === 404) {
    console.error(`${args.url} has no /local/sweep route: the local runtime must wire local/sweep-route.ts.`);
    return 1;
  }
  const body = (await res.json().catch(() => ({}))) as Report & { detail?: string };
  if (!res.ok) {
    console.error(`Sweep refused (${res.status}): ${body.detail ?? res.statusText}`);
    return 1;
  }
  console.log(formatReport(body));
  return 0;
}

// Run as a script, not when a test imports parseArgs / formatReport.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = await main();
