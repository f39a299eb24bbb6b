/**
 * Cold start: every function bundled as CDK bundles it (infra/constructs/function.ts: ESM,
 * `module` before `main`, minified, the SDK bundled), beside a bare handler that imports only
 * `DynamoDBClient` + `GetItemCommand`, built the same way. Each bundle is imported by a fresh
 * `node` process, in shuffled interleaved rounds; printed: bytes, and import time (min and
 * median) with their ratios to the bare handler. Goals: at most 1.25x its size, 1.15x its time.
 *
 *   npx tsx bench/cold-start.ts          (COLD_ROUNDS=30 to change the rounds)
 *   npx tsx bench/cold-start.ts intake record-event   (only these, beside the bare handler)
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLING, FUNCTIONS_DIR, PROJECT_ROOT } from '../infra/constructs/function';
import { JOB_TASK_ENTRY, MAIL_RECEIVE_ENTRY, ROUTES, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY } from '../functions/routes';
import { printTable } from './table';

const ROUNDS = Number(process.env.COLD_ROUNDS ?? '30');
const BARE = 'bare DynamoDB handler';
const ALL = [...new Set(ROUTES.map((r) => r.entry)), WORKFLOW_TASK_ENTRY, JOB_TASK_ENTRY, SWEEP_ENTRY, MAIL_RECEIVE_ENTRY].sort();
const ENTRIES = process.argv.length > 2 ? ALL.filter((e) => process.argv.slice(2).includes(e)) : ALL;
const NODE = path.join(PROJECT_ROOT, 'node_modules/.bin/node');
const out = mkdtempSync(path.join(tmpdir(), 'docketwatch-cold-'));

const BARE_SOURCE = `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export const handler = async (event) => client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { PK: { S: String(event.id) }, SK: { S: 'ITEM' } } }));
`;

/** Bundles `entry` with the project's Lambda bundling options; answers the bundle's path. */
async function bundle(name: string, entry: string | { source: string }): Promise<string> {
  const dir = path.join(out, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'index.mjs');
  await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.source, resolveDir: PROJECT_ROOT, loader: 'js' } }),
    absWorkingDir: PROJECT_ROOT,
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    mainFields: BUNDLING.mainFields,
    minify: BUNDLING.minify,
    banner: { js: BUNDLING.banner! },
    logLevel: 'silent',
  });
  return file;
}

/** Milliseconds a fresh process takes to import the bundle (the process's own start excluded). */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const env = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'SILENT', STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:x', JOB_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:y', MAIL_BUCKET: 'bench-mail' };
  return Number(execFileSync(NODE, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }).trim());
}

const files = new Map<string, string>([[BARE, await bundle('bare', { source: BARE_SOURCE })]]);
for (const entry of ENTRIES) files.set(entry, await bundle(entry, path.join(FUNCTIONS_DIR, `${entry}.ts`)));

const times = new Map<string, number[]>([...files.keys()].map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  const order = [...files.keys()].sort(() => Math.random() - 0.5);
  for (const name of order) times.get(name)!.push(importMs(files.get(name)!));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bareSize = statSync(files.get(BARE)!).size;
const bareMin = Math.min(...times.get(BARE)!);
const bareMedian = median(times.get(BARE)!);
const rows = [...files.keys()].map((name) => {
  const size = statSync(files.get(name)!).size;
  const t = times.get(name)!;
  const sizeRatio = size / bareSize;
  const timeRatio = median(t) / bareMedian;
  return [name, size.toLocaleString('en-US'), sizeRatio.toFixed(2), `${Math.min(...t).toFixed(1)} ms`, `${median(t).toFixed(1)} ms`, (Math.min(...t) / bareMin).toFixed(2), timeRatio.toFixed(2), sizeRatio <= 1.25 && timeRatio <= 1.15 ? 'yes' : 'no'];
});
console.log(`Cold start: import time in a fresh node process, ${ROUNDS} shuffled rounds; ratios to the bare handler`);
printTable(['bundle', 'bytes', 'size ratio', 'import min', 'import median', 'min ratio', 'median ratio', 'within goal'], rows);
