/** The docket CLI, spawned as users run it: `npm run --silent docket -- --parse ...` on standard input. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/docket/${name}`, import.meta.url), 'utf8');

function docket(args: string[], input: string) {
  const run = spawnSync('npm', ['run', '--silent', 'docket', '--', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: run.stderr };
}

describe('docket CLI', () => {
  it('reads a CourtListener body and prints one JSON line per proposal, in the documented field order', () => {
    const out = docket(['--parse', '--side', 'plaintiffs', '--us-party', 'yes'], fixture('cl-38-two-with-consequence.json'));
    expect(out.status).toBe(0);
    expect(out.lines.map((l) => Object.keys(l))).toEqual([
      ['entry', 'action', 'rule', 'due', 'trigger', 'label', 'evidence'],
      ['entry', 'action', 'rule', 'due', 'trigger', 'label', 'evidence'],
    ]);
    expect(out.lines.map((l) => [l.entry, l.action, l.rule, l.due])).toEqual([
      ['45', 'filing', 'lcvr7b.opposition', '2025-10-01'],
      [null, 'hearing', null, '2025-10-01T11:30:00-04:00'],
    ]);
  });

  it('reads a raw NEF e-mail: the notice window is a date-time with offset', () => {
    const out = docket(['--parse', '--side', 'plaintiffs'], fixture('nef-05-disclosure-notice-friday.eml'));
    expect(out.status).toBe(0);
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ entry: '44', action: 'notice', rule: 'frcp6.hours', trigger: '2025-10-03T16:30:00-04:00', due: '2025-10-06T16:30:00-04:00' });
  });

  it('prints the clerk\'s disagreeing date beside the engine\'s', () => {
    const out = docket(['--parse', '--side', 'plaintiffs'], fixture('cl-07-summons-clerk-disagrees.json'));
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ due: '2025-05-02', clerk: { due: '2025-04-28' } });
  });

  it('prints nothing for an entry without consequence', () => {
    const out = docket(['--parse', '--side', 'plaintiffs'], fixture('nef-10-pro-hac-vice.eml'));
    expect(out).toMatchObject({ status: 0, lines: [] });
  });

  it('the side changes whose deadline it is', () => {
    const theirs = docket(['--parse', '--side', 'defendants'], fixture('nef-01-motion-to-dismiss.eml'));
    expect(theirs.lines.map((l) => l.action)).toEqual(['owed']);
  });

  it('exits 2 on bad options or input that is neither source', () => {
    expect(docket(['--parse'], '{}').status).toBe(2);
    expect(docket(['--parse', '--side', 'plaintiffs', '--us-party', 'maybe'], '{}').status).toBe(2);
    const bad = docket(['--parse', '--side', 'plaintiffs'], '{"webhook": ');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not valid JSON/);
  });
});
