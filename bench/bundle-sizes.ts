/**
 * Bundle size of every Lambda entry, built with the bundling options the function construct
 * uses (ESM, node24, mainFields module/main, minified). Every function carries its imports to
 * each cold start, so a library added to a shared module shows up here.
 *
 *   npx tsx bench/bundle-sizes.ts            (all entries)
 *   npx tsx bench/bundle-sizes.ts intake export   (only these)
 *   BUNDLE_TOP=15 npx tsx bench/bundle-sizes.ts remind   (and what is in each: its biggest packages and files, from esbuild's metafile)
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLING } from '../infra/constructs/function';
import { JOB_TASK_ENTRY, MAIL_RECEIVE_ENTRY, ROUTES, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY } from '../functions/routes';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const all = [...new Set([...ROUTES.map((r) => r.entry), WORKFLOW_TASK_ENTRY, JOB_TASK_ENTRY, SWEEP_ENTRY, MAIL_RECEIVE_ENTRY])].sort();
const TOP = Number(process.env.BUNDLE_TOP ?? '0');
const entries = process.argv.length > 2 ? process.argv.slice(2) : all;

console.log('| entry | KiB |\n|---|---:|');
for (const entry of entries) {
  const out = await build({
    entryPoints: [path.join(ROOT, 'functions', `${entry}.ts`)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    mainFields: BUNDLING.mainFields,
    minify: BUNDLING.minify,
    banner: { js: BUNDLING.banner ?? '' },
    logLevel: 'error',
    metafile: TOP > 0,
    outfile: `${entry}.mjs`,
  });
  const bytes = out.outputFiles.reduce((n, f) => n + f.contents.length, 0);
  console.log(`| ${entry} | ${(bytes / 1024).toFixed(1)} |`);
  if (out.metafile) {
    // Bytes each package (or project file) adds to the output.
    const by = new Map<string, number>();
    for (const output of Object.values(out.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input;
        by.set(name, (by.get(name) ?? 0) + bytesInOutput);
      }
    }
    for (const [name, b] of [...by].sort((x, y) => y[1] - x[1]).slice(0, TOP)) console.log(`|   ${name} | ${(b / 1024).toFixed(1)} |`);
  }
}
