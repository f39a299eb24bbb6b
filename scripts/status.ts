/**
 * The team's deadlines in the terminal.
 *
 *   npm run --silent status -- [--matter ID] [--kind KIND] [--agency NAME] [--person ID|EMAIL] [--within 14d] [--json]
 *
 * Talks to the HTTP API like any client: DOCKETWATCH_URL (default http://127.0.0.1:3000) and
 * DOCKETWATCH_TOKEN (default: the contents of .local/team.jwt, which `npm start` writes).
 * `--within` takes 14d, 2w, 36h, 90m or an ISO 8601 duration (P14D). Exit 2 on bad arguments,
 * 1 when the API refuses or cannot be reached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: status [--matter ID] [--kind KIND] [--agency NAME] [--person ID|EMAIL] [--within 14d|P14D] [--json]';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COURT_TZ = 'America/New_York';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface StatusArgs {
  json: boolean;
  within?: string;
  query: Record<string, string>;
}

/** `14d` → `P14D`, `2w` → `P2W`, `36h` → `PT36H`, `90m` → `PT90M`; ISO durations pass through. */
export function toIsoDuration(text: string): string {
  const t = text.trim();
  if (/^P/i.test(t)) return t.toUpperCase();
  const m = /^(\d+)\s*([wdhm])$/i.exec(t);
  if (!m) throw new UsageError(`--within: "${text}" is not a period like 14d, 2w, 36h or P14D`);
  const unit = m[2]!.toUpperCase();
  return unit === 'H' || unit === 'M' ? `PT${m[1]}${unit}` : `P${m[1]}${unit}`;
}

export function parseStatusArgs(argv: readonly string[]): StatusArgs {
  const out: StatusArgs = { json: false, query: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json': out.json = true; break;
      case '--within': out.within = toIsoDuration(value()); break;
      case '--matter': out.query.matter = value(); break;
      case '--kind': out.query.kind = value(); break;
      case '--agency': out.query.agency = value(); break;
      case '--person': out.query.person = value(); break;
      case '-h': case '--help': throw new UsageError(USAGE);
      default: throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return out;
}

interface Row {
  id: string;
  label: string;
  due: string;
  dueInstant: string;
  bucket: string;
  status: string;
  alternative?: { due: string };
  item: { title: string; kind: string; agency?: string; matterId: string; phaseLabel: string; owner: string };
}

const BUCKET_LABEL: Record<string, string> = { overdue: 'OVERDUE', today: 'today', week: 'this week', later: '' };

/** "in 3d 4h", "in 45m", "2d ago". */
export function relative(dueInstant: string, now: Date): string {
  const ms = Date.parse(dueInstant) - now.getTime();
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const span = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
  return ms < 0 ? `${span} ago` : `in ${span}`;
}

function dueText(due: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) {
    const wd = new Date(`${due}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
    return `${wd} ${due}`;
  }
  const at = new Date(due);
  const f = new Intl.DateTimeFormat('en-US', { timeZone: COURT_TZ, weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return `${due.slice(0, 10)} ${f.format(at)}`;
}

/** A fixed-width table; long cells are cut with an ellipsis so a row stays on one line. */
export function renderTable(rows: readonly Row[], now: Date): string {
  if (rows.length === 0) return 'No open deadlines match.\n';
  const header = ['DUE', 'WHEN', '', 'DEADLINE', 'ITEM', 'KIND', 'AGENCY', 'MATTER', 'OWNER'];
  const body = rows.map((r) => [
    dueText(r.due) + (r.alternative ? ' *' : ''),
    relative(r.dueInstant, now),
    BUCKET_LABEL[r.bucket] ?? '',
    r.status === 'missed' ? `${r.label} (MISSED)` : r.label,
    r.item.title,
    r.item.kind,
    r.item.agency ?? '',
    r.item.matterId,
    r.item.owner,
  ]);
  const max = [28, 12, 9, 40, 40, 17, 10, 20, 14];
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const widths = header.map((h, i) => Math.min(max[i]!, Math.max(h.length, ...body.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => cut(c, widths[i]!).padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  if (rows.some((r) => r.alternative)) out.push('', '* another reading of the law gives a different date: see the receipt (dashboard or API)');
  return out.join('\n') + '\n';
}

function token(): string {
  const env = process.env.DOCKETWATCH_TOKEN?.trim();
  if (env) return env;
  const file = join(ROOT, '.local', 'team.jwt');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new UsageError('No token: set DOCKETWATCH_TOKEN, or run `npm start` once (it writes .local/team.jwt)');
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: StatusArgs;
  let bearer: string;
  try {
    args = parseStatusArgs(argv);
    bearer = token();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const base = (process.env.DOCKETWATCH_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  // Deadlines that passed unmet on open items are the first thing a lawyer needs to see.
  const params = new URLSearchParams({ ...args.query, include: 'missed' });
  if (args.within) params.set('within', args.within);
  const url = `${base}/api/deadlines?${params}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } });
  } catch (err) {
    process.stderr.write(`cannot reach ${base}: ${(err as Error).message} (is \`npm start\` running?)\n`);
    return 1;
  }
  const body = (await res.json().catch(() => null)) as { now?: string; deadlines?: Row[]; detail?: string; errors?: { field: string; message: string }[] } | null;
  if (!res.ok) {
    const why = res.status === 401 ? 'the token is missing, expired or not for this API' : body?.detail ?? res.statusText;
    const fields = body?.errors?.map((e) => `  ${e.field}: ${e.message}`).join('\n');
    process.stderr.write(`${res.status}: ${why}${fields ? `\n${fields}` : ''}\n`);
    return 1;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(renderTable(body?.deadlines ?? [], new Date(body?.now ?? Date.now())));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
