/**
 * Bundle size of every Lambda entry, built with the bundling options the function construct
 * uses (ESM, node24, mainFields module/main, minified). Every function carries its imports to
 * each cold start, so a library added to a shared module shows up here.
 *
 *   npx tsx bench/bundle-sizes.ts            (all entries)
 *   npx tsx bench/bundle-sizes.ts intake export   (only these)
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLING } from '../infra/constructs/function';
import { ROUTES, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY } from '../functions/routes';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const all = [...new Set([...ROUTES.map((r) => r.entry), WORKFLOW_TASK_ENTRY, SWEEP_ENTRY])].sort();
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
  });
  const bytes = out.outputFiles.reduce((n, f) => n + f.contents.length, 0);
  console.log(`| ${entry} | ${(bytes / 1024).toFixed(1)} |`);
}
