import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { listAslFiles, renderAsl } from '../../infra/asl';
import { PROJECT_ROOT } from '../../infra/constructs/function';
import { parseRouteKey, pathRegex, planEntries, routeId } from '../../infra/route-plan';

describe('ASL loading', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'asl-'));
  const file = path.join(dir, 'x.asl.json');
  writeFileSync(file, JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: '${Fn}', Parameters: { X: '${Other}' }, End: true } } }));

  it('finds every statemachines/*.asl.json', () => {
    expect(listAslFiles(path.join(PROJECT_ROOT, 'statemachines')).map((f) => f.name)).toContain('item-lifecycle');
  });

  it('substitutes every placeholder', () => {
    expect(renderAsl(file, { Fn: 'arn:fn', Other: 'v' })).not.toContain('${');
  });

  it('fails synth when a placeholder has no substitution, naming it', () => {
    expect(() => renderAsl(file, { Fn: 'arn:fn' })).toThrow(/x\.asl\.json: no substitution for \$\{Other\}/);
  });
});

describe('route plan', () => {
  it('one plan per distinct entry; readwrite and workflow win when routes of one entry differ', () => {
    const plans = planEntries([
      { routeKey: 'GET /a', entry: 'x', auth: 'team', table: 'read' },
      { routeKey: 'POST /a', entry: 'x', auth: 'public', table: 'readwrite', workflow: true },
      { routeKey: 'GET /b', entry: 'y', auth: 'team', table: 'read' },
    ]);
    expect(plans.map((p) => [p.entry, p.table, p.workflow, p.public])).toEqual([
      ['x', 'readwrite', true, true],
      ['y', 'read', false, false],
    ]);
  });

  it('rejects a duplicated route key and a malformed one', () => {
    const r = { routeKey: 'GET /a', entry: 'x', auth: 'team', table: 'read' } as const;
    expect(() => planEntries([r, r])).toThrow(/listed twice/);
    expect(() => parseRouteKey('/api/health')).toThrow(/METHOD \/path/);
  });

  it('path parameters become one-segment regexes; ids are stable', () => {
    expect(pathRegex('/api/track/{trackingCode}')).toBe('^/api/track/[^/]+$');
    expect(pathRegex('/api/calendar.ics')).toBe('^/api/calendar\\.ics$');
    expect(routeId('GET /api/track/{trackingCode}')).toBe('GetApiTrackTrackingcode');
  });

  it('every ROUTES key parses', () => {
    for (const r of ROUTES) expect(parseRouteKey(r.routeKey).path.startsWith('/api/')).toBe(true);
  });
});
