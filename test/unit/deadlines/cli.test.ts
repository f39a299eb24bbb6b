/** The CLI, spawned as users run it: `npm run --silent deadline -- ...`, single and batch. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function cli(args: string[], input?: string) {
  const run = spawnSync('npm', ['run', '--silent', 'deadline', '--', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('deadline CLI', () => {
  it('prints the result as JSON, with --param values parsed (numbers, JSON lists)', () => {
    const tolling = JSON.stringify([{ type: 'information_request', agency_request_sent: '2026-03-04', requester_response_received: '2026-03-10' }]);
    const out = cli(['--rule', 'foia.response', '--trigger', '2026-03-02', '--param', `tolling=${tolling}`, '--param', 'working_days=20', '--param', 'note=from the web form']);
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result).toMatchObject({ due: '2026-04-03', rule: { id: 'foia.response' }, alternative: { due: '2026-04-02' } });
    expect(result.receipt.some((e: { step: string }) => e.step === 'tolled')).toBe(true);
  });

  it('--explain prints the receipt as text', () => {
    const out = cli(['--rule', 'frcp6.days', '--trigger', '2026-03-05', '--param', 'days=9', '--explain']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('frcp6.days: due 2026-03-16');
    expect(out.stdout).toMatch(/\[rollforward\] The period continues to run/);
  });

  it('exits 2 with a message naming the field on bad input', () => {
    const out = cli(['--rule', 'frcp6.days', '--trigger', '2026-03-02', '--param', 'days=-1']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/params\.days: must not be negative/);
  });

  it('--batch: one JSON line per input line, in order, errors per line without aborting', () => {
    const input = [
      JSON.stringify({ id: 'opp', rule: 'lcvr7b.opposition', trigger: '2026-03-02' }),
      JSON.stringify({ id: 'bad', rule: 'frcp6.days', trigger: '2026-03-02', params: { days: 'many' } }),
      'this is not json',
      '',
      JSON.stringify({ rule: 'frcp6.hours', trigger: '2026-03-06T15:00:00-05:00', params: { hours: '24' } }),
      JSON.stringify({ id: 9, rule: 'no.such.rule', trigger: '2026-03-02' }),
    ].join('\n');
    const out = cli(['--batch'], input);
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['opp', 'bad', 3, 5, 9]);
    expect(lines[0]).toMatchObject({ due: '2026-03-16', receipt: expect.any(Array) });
    expect(lines[1]).toMatchObject({ error: expect.stringMatching(/params\.days/), field: 'params.days' });
    expect(lines[2].error).toMatch(/not valid JSON/);
    expect(lines[3]).toMatchObject({ due: '2026-03-09T15:00:00-04:00' });
    expect(lines[4]).toMatchObject({ error: expect.stringMatching(/unknown rule/), field: 'rule' });
  });

  it('--trigger-set prints one JSON line per deadline the trigger sets', () => {
    const out = cli(['--trigger-set', 'judgment_entered', '--trigger', '2026-03-02', '--param', 'us_party=true']);
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.link, l.rule.id, l.due])).toEqual([
      ['appeal', 'frap4.appeal_us', '2026-05-01'],
      ['alter_amend', 'frcp59e.alter_amend', '2026-03-30'],
      ['renewed_jmol', 'frcp50b.renewed_jmol', '2026-03-30'],
      ['amended_findings', 'frcp52b.amended_findings', '2026-03-30'],
      ['fees', 'frcp54d2.fees', '2026-03-16'],
    ]);
    expect(lines.every((l) => Array.isArray(l.receipt) && l.receipt.length > 0)).toBe(true);
    const bad = cli(['--trigger-set', 'judgment_entered', '--trigger', '2026-03-02', '--param', 'us_partey=true']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/params\.us_partey/);
  });

  it('the batch mode takes the new rules in the same form', () => {
    const out = cli(['--batch'], '{"id":"x","rule":"frcp59e.alter_amend","trigger":"2026-03-02"}\n{"id":"y","rule":"lcvr7b.opposition","trigger":"2026-03-02","params":{"days":21}}\n');
    const [x, y] = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect([x.id, x.due, y.id, y.due]).toEqual(['x', '2026-03-30', 'y', '2026-03-23']);
  });
});
