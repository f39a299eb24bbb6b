import { startLocal } from './local/runtime';
import { mkdtempSync } from 'node:fs';
const s = await startLocal({ port: 0, inMemory: true, quiet: true, sweepIntervalMs: 0, dataDir: mkdtempSync('/tmp/dw-probe-') });
const H = { authorization: `Bearer ${s.teamToken}`, 'content-type': 'application/json' };
const call = async (m: string, p: string, body?: unknown) => {
  const r = await fetch(s.url + p, { method: m, headers: H, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const t = await r.text();
  console.log(`\n### ${m} ${p} -> ${r.status} ${r.headers.get('content-type')}\n${t.slice(0, Number(process.env.MAX ?? 1500))}`);
  try { return JSON.parse(t); } catch { return t; }
};
try {
  await call('GET', '/api/health');
  const dl = await call('GET', '/api/deadlines?within=P90D');
  const ids = Object.fromEntries(dl.deadlines.map((d: any) => [d.item.collection, d.itemId]));
  for (const c of Object.keys(ids)) await call('GET', `/api/${c}/${ids[c]}`);
  await call('GET', '/api/matters');
  await call('GET', '/api/trigger-sets');
  await call('POST', '/api/trigger-sets/preview', { triggerSet: 'judgment_entered', trigger: { at: '2026-11-20' }, params: { us_party: true } });
  const req = await call('POST', '/api/requests', { kind: 'foia', agency: 'IRS', requester: { name: 'Main Street Alliance', email: 'records@example.org' }, description: 'Records of the IRS-ICE data sharing agreement', feeWaiver: { requested: false }, expedited: { requested: false } });
  await call('GET', `/api/track/${req.trackingCode}`);
  await call('GET', '/api/notifications');
  await call('POST', '/api/feeds', { label: 'Mine' });
  await call('GET', '/api/feeds');
  await call('GET', '/api/calendar/days');
  await call('GET', '/api/proposals');
  await call('GET', '/api/matters/ctr-v-irs/docket');
  await call('POST', '/api/matters/ctr-v-irs/hooks', {});
  await call('GET', '/api/matters/ctr-v-irs/hooks');
} finally { await s.stop(); }
