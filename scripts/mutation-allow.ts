/**
 * Writes stryker-allow.md from the last mutation reports (reports/mutation/*.json): the
 * score per file and per mutated area, then every mutant no test killed, each with its reason
 * from scripts/mutation-reasons.ts or marked open. `--check` exits 1 while any is open or a
 * reason matches no mutant (a stale reason would excuse nothing, so it must go).
 *
 * A reason names the mutated code as the report gives it (the original text of the mutated
 * range, not a line number, so it survives edits elsewhere in the file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { REASONS, type Reason } from './mutation-reasons';

/** The main pass and the StringLiteral pass (stryker.strings.config.mjs), merged per file. */
const REPORTS = ['reports/mutation/mutation.json', 'reports/mutation/strings.json'];
const OUT = 'stryker-allow.md';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const AREAS: Array<[string, (file: string) => boolean]> = [
  ['core/deadlines', (f) => f.startsWith('core/deadlines/')],
  ['core/calendar', (f) => f.startsWith('core/calendar/')],
  ['lifecycle transitions', (f) => /^core\/(lifecycle\/)?[^/]*transitions[^/]*\.ts$/.test(f)],
];

const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The mutated range's original text. */
function originalOf(source: string, m: Mutant): string {
  const lines = source.split('\n');
  const { start, end } = m.location;
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column - 1, end.column - 1);
  const parts = [lines[start.line - 1]!.slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1]!.slice(0, end.column - 1)];
  return parts.join('\n');
}

/** The whole lines the mutant spans, for reasons that name the code around it. */
function linesOf(source: string, m: Mutant): string {
  return source.split('\n').slice(m.location.start.line - 1, m.location.end.line).join('\n');
}

/** Offset of a 1-based line and column. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/**
 * The call whose argument list directly holds the code at `offset`, and which argument it is
 * (0-based): scanning back over balanced brackets to the first unclosed one. Code inside a
 * template's `${}` belongs to the template's argument; inside an array or an object there is no
 * call, so such code never counts as a call's argument.
 */
export function enclosingCall(source: string, offset: number): { callee: string; arg: number } | undefined {
  let depth = 0;
  let arg = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = source[i]!;
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth > 0) {
        depth--;
        continue;
      }
      // Inside a template's `${}`: the template is the argument, so go on from its start.
      if (c === '{' && source[i - 1] === '$') {
        i = source.lastIndexOf('`', i);
        if (i < 0) return undefined;
        continue;
      }
      if (c !== '(') return undefined;
      const callee = /([A-Za-z_$][\w$.]*)\s*$/.exec(source.slice(Math.max(0, i - 80), i));
      return callee ? { callee: callee[1]!, arg } : undefined;
    } else if (c === ',' && depth === 0) arg++;
  }
  return undefined;
}

/**
 * The top-level function the code at `offset` lies in: the last one declared (at the start of a
 * line) before it. For telling apart the same line of code in two functions.
 */
export function functionAt(source: string, offset: number): string | undefined {
  let name: string | undefined;
  for (const m of source.slice(0, offset).matchAll(/^(?:export\s+)?(?:async\s+)?function\*?\s+([\w$]+)/gm)) name = m[1];
  return name;
}

function matches(r: Reason, file: string, source: string, original: string, m: Mutant): boolean {
  if (r.file !== undefined && r.file !== file) return false;
  if (r.mutator !== m.mutatorName) return false;
  if (r.replacement !== undefined && r.replacement !== m.replacement) return false;
  if (r.column !== undefined && r.column !== m.location.start.column) return false;
  if (r.context !== undefined && !r.context.test(linesOf(source, m))) return false;
  if (r.inFunction !== undefined && functionAt(source, offsetOf(source, m.location.start.line, m.location.start.column)) !== r.inFunction) return false;
  if (r.argumentOf !== undefined) {
    const call = enclosingCall(source, offsetOf(source, m.location.start.line, m.location.start.column));
    if (!call || !r.argumentOf.callee.test(call.callee) || call.arg !== r.argumentOf.arg) return false;
  }
  const code = r.code.replace(/\s+/g, ' ');
  const text = original.replace(/\s+/g, ' ');
  return r.partial ? text.includes(code) : text === code;
}

interface Score {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Ignored (static mutants, excluded mutators), and errors: not part of the score. */
  ignored: number;
  errors: number;
}
/** The mutants the score counts: Stryker's "valid" mutants (killed, timed out, survived, not covered). */
const valid = (s: Score) => s.killed + s.timeout + s.survived + s.noCoverage;
/** Stryker's mutation score: killed and timed out over all valid mutants. */
const score = (s: Score) => (valid(s) ? ((100 * (s.killed + s.timeout)) / valid(s)).toFixed(2) : 'n/a');
const emptyScore = (): Score => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
function add(s: Score, status: string): void {
  if (status === 'Killed') s.killed++;
  else if (status === 'Timeout') s.timeout++;
  else if (status === 'Survived') s.survived++;
  else if (status === 'NoCoverage') s.noCoverage++;
  else if (status === 'Ignored') s.ignored++;
  else s.errors++;
}

function main(): void {
  const report: Report = { files: {} };
  for (const path of REPORTS) {
    const part = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [file, { source, mutants }] of Object.entries(part.files)) {
      const into = (report.files[file] ??= { source, mutants: [] });
      if (into.source !== source) throw new Error(`${file} differs between the reports: run both passes on the same code`);
      into.mutants.push(...mutants);
    }
  }
  const used = new Set<Reason>();
  const files = Object.keys(report.files).sort();
  const perFile = new Map<string, Score>();
  const perArea = new Map(AREAS.map(([name]) => [name, emptyScore()]));
  const sections: string[] = [];
  let explained = 0;
  let open = 0;
  for (const file of files) {
    const { source, mutants } = report.files[file]!;
    const s = emptyScore();
    const lines: string[] = [];
    const sorted = [...mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column || a.mutatorName.localeCompare(b.mutatorName));
    for (const m of sorted) {
      add(s, m.status);
      const area = AREAS.find(([, test]) => test(file));
      if (area) add(perArea.get(area[0])!, m.status);
      // A memo's mutant may time out under load and survive without: its reason stays in use.
      if (m.status === 'Timeout') {
        const original = originalOf(source, m);
        for (const r of REASONS) if (r.slow && matches(r, file, source, original, m)) used.add(r);
      }
      if (!UNDETECTED.has(m.status)) continue;
      const original = originalOf(source, m);
      const reason = REASONS.find((r) => matches(r, file, source, original, m));
      if (reason) {
        used.add(reason);
        explained++;
      } else {
        open++;
      }
      const shown = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 70);
      const code = original.replace(/\s+/g, ' ').slice(0, 60);
      const why = reason ? reason.reason : `open: no test kills it yet${m.status === 'NoCoverage' ? ' (no test reaches it)' : ''}; the code: \`${code}\``;
      lines.push(`- \`${file}:${m.location.start.line}\` ${m.mutatorName} → \`${shown}\`: ${why}`);
    }
    perFile.set(file, s);
    if (lines.length) sections.push(`## ${file}\n\n${lines.join('\n')}`);
  }
  const stale = REASONS.filter((r) => !used.has(r));

  const row = (name: string, s: Score) => `| ${name} | ${valid(s)} | ${s.killed} | ${s.survived} | ${s.timeout} | ${s.noCoverage} | ${score(s)} | ${s.ignored} | ${s.errors} |`;
  const table = [
    '| File | Mutants | Killed | Survived | Timeout | No coverage | Score % | Ignored | Errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...[...perArea].filter(([, s]) => valid(s) > 0).map(([name, s]) => row(`**${name}**`, s)),
    ...files.map((f) => row(f, perFile.get(f)!)),
  ].join('\n');

  const text = `# Surviving mutants, each with its reason

Generated by \`npx tsx scripts/mutation-allow.ts\` (run by \`npm run test:mutation\`) from the last
mutation reports (${REPORTS.join(', ')}): each mutant no test killed, matched against the reasons in
scripts/mutation-reasons.ts. "open" means no test kills it yet and no reason has been written: it
is work to do, not an excuse. Which mutators run, and why static mutants are left out, is in
stryker.config.mjs and stryker.strings.config.mjs; the table adds both passes up per file. With
--mutate on part of the code, a file's figures are those of the last run that mutated it, and a
mutant whose result a later test change made stale is left out until its file is run again.

Explained: ${explained}; open: ${open}.

"Mutants" counts those the score is made of: killed, survived, timed out (a mutant that loops
forever is detected) and not covered by any test. "Ignored" are the static mutants and the
mutators a pass leaves out, "Errors" mutants that did not compile or run; neither is scored.

${table}

${sections.join('\n\n')}
`;
  writeFileSync(OUT, text);
  console.log(table);
  console.log(`${OUT}: explained ${explained}, open ${open}${stale.length ? `, ${stale.length} reason(s) matching no mutant` : ''}`);
  for (const r of stale) console.log(`  stale reason: ${r.file ?? '*'} ${r.mutator} ${JSON.stringify(r.code)}`);
  if (process.argv.includes('--check') && (open > 0 || stale.length > 0)) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
