import { readFileSync } from 'node:fs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../../infra/build';
const ctx = JSON.parse(readFileSync('/work/main/cdk.json', 'utf8')).context;
const region = process.argv[2];
const { app } = buildApp({ context: { ...ctx, 'aws:cdk:bundling-stacks': [], ...(region ? { region } : {}) }, outdir: '/tmp/dw/out' });
const checks = new AwsSolutionsChecks();
try { app.synth(); } catch (e) { console.log('SYNTH ERROR', (e as Error).message.slice(0, 6000)); }
const report = checks.validateScope(app);
for (const v of report.violations) for (const r of v.violatingResources) console.log(v.ruleName, r.constructPath);
console.log('violations', report.violations.length);
