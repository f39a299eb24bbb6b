/**
 * Every ASL file: valid (asl-validator), JSONPath only, every `${Placeholder}` has a
 * substitution, every state reachable; and named scenarios executed on the local runner.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_TASK_ENTRY, ROUTES, SWEEP_ENTRY, WORKFLOW_TASK_ENTRY } from '../../functions/routes';
import { FILING_PHASES, NOTICE_PHASES, PHASE_STATES, PRODUCTION_PHASES, RECORD_REQUEST_PHASES } from '../../core/lifecycle';
import { LocalWorkflows, localFunctionArn, localStateMachineArn, substitutionFor, loadDefinition, type TaskRunner } from '../../local/workflows';

const validate = createRequire(import.meta.url)('asl-validator') as (d: unknown) => { isValid: boolean; errors: unknown[] };
const DIR = join(import.meta.dirname, '../../statemachines');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.asl.json'));
const ENTRIES = [...new Set([...ROUTES.map((r) => r.entry), WORKFLOW_TASK_ENTRY, JOB_TASK_ENTRY, SWEEP_ENTRY])];
const SUBSTITUTIONS = Object.fromEntries(ENTRIES.map((e) => [substitutionFor(e), localFunctionArn(e)]));

type State = { Type: string; Next?: string; Default?: string; Choices?: { Next: string }[]; Catch?: { Next: string }[]; End?: boolean };

function reachable(def: { StartAt: string; States: Record<string, State> }): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = def.States[name];
    if (!s) return;
    for (const next of [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)]) {
      if (next) visit(next);
    }
  };
  visit(def.StartAt);
  return seen;
}

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const def = loadDefinition(join(DIR, file), SUBSTITUTIONS) as { StartAt: string; States: Record<string, State> };

  it('is valid ASL', () => {
    const result = validate(def);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('uses JSONPath only (the local runner ignores JSONata and Assign silently)', () => {
    expect(text).not.toMatch(/"QueryLanguage"|"Assign"|\{%/);
  });

  it('has a substitution for every placeholder', () => {
    const placeholders = [...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]);
    expect(placeholders.length).toBeGreaterThan(0);
    for (const p of placeholders) expect(Object.keys(SUBSTITUTIONS)).toContain(p);
  });

  it('reaches every state from StartAt', () => {
    expect([...reachable(def)].sort()).toEqual(Object.keys(def.States).sort());
  });

  it('gives every Task a Retry and a Catch (the step a Catch leads to retries and then fails the run)', () => {
    // The step every States.ALL Catch leads to: it has nowhere further to go.
    const failureSteps = new Set(Object.values(def.States).flatMap((s) => ((s.Catch ?? []) as { ErrorEquals?: string[]; Next: string }[]).filter((c) => c.ErrorEquals?.includes('States.ALL')).map((c) => c.Next)));
    expect(failureSteps.size).toBe(1);
    for (const [name, state] of Object.entries(def.States) as [string, State & { Retry?: unknown[] }][]) {
      if (state.Type !== 'Task') continue;
      expect(state.Retry?.length, name).toBeGreaterThan(0);
      if (!failureSteps.has(name)) expect(state.Catch?.length, name).toBeGreaterThan(0);
    }
  });
});

describe('item-lifecycle phases', () => {
  const def = loadDefinition(join(DIR, 'item-lifecycle.asl.json'), SUBSTITUTIONS) as {
    States: Record<string, { Type: string; Choices?: { StringEquals?: string; Next: string }[] }>;
  };
  const routed = Object.fromEntries(
    (def.States['Which phase?']!.Choices ?? []).filter((c) => c.StringEquals).map((c) => [c.StringEquals!, c.Next]),
  );
  const families: [string, Record<string, string>][] = [
    ['request', RECORD_REQUEST_PHASES],
    ['production', PRODUCTION_PHASES],
    ['filing', FILING_PHASES],
    ['notice', NOTICE_PHASES],
  ];

  it.each(families)('routes every open %s phase to a waiting state of its own', (family, phases) => {
    for (const phase of Object.keys(phases).filter((p) => p !== 'closed')) {
      const key = `${family}.${phase}`;
      expect(routed[key], key).toBe(PHASE_STATES[key]);
      expect(def.States[routed[key]!]?.Type, key).toBe('Task');
    }
  });
});

describe('item-lifecycle scenarios on the local runner (scripted task results)', () => {
  const machine = localStateMachineArn('item-lifecycle');

  const open = (over: Record<string, unknown> = {}) => ({
    closed: false,
    phase: 'awaiting_response',
    phaseState: 'request.awaiting_response',
    waitSeconds: 3600,
    version: 1,
    continueAsNew: false,
    nextExecution: 'unused',
    ...over,
  });

  /** A task runner answering from a script per action, and recording every call. */
  function scripted(script: Partial<Record<string, (payload: Record<string, unknown>) => unknown>>) {
    const calls: Record<string, unknown>[] = [];
    const run: TaskRunner = async (_entry, payload) => {
      calls.push(payload);
      const fn = script[String(payload.action)];
      return fn ? fn(payload) : { ok: true };
    };
    return { calls, run };
  }

  it('happy path: waits, an event wakes it, the item is closed, the run succeeds', async () => {
    let closed = false;
    const { calls, run } = scripted({ sync: () => open({ closed }) });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM1', JSON.stringify({ itemId: 'ITEM1' }));
    await wf.settled('ITEM1');
    const token = calls.find((c) => c.action === 'await')?.taskToken as string;
    expect(token).toBeTruthy();
    closed = true;
    wf.sendTaskSuccess(token, JSON.stringify({ event: 'closed' }));
    const done = await wf.settled('ITEM1');
    expect(done?.cause).toBeUndefined();
    expect(done?.status).toBe('SUCCEEDED');
    expect(calls.map((c) => c.action)).toEqual(['sync', 'await', 'sync']);
    expect(calls[0]).toMatchObject({ itemId: 'ITEM1', execution: 'ITEM1' });
    expect(calls[1]).toMatchObject({ action: 'await', version: 1 });
  });

  it('waits in the state named for the phase', async () => {
    const { run } = scripted({ sync: () => open({ phase: 'tolled', phaseState: 'request.tolled' }) });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM6', JSON.stringify({ itemId: 'ITEM6' }));
    const execution = await wf.settled('ITEM6');
    expect(wf.isWaiting('ITEM6')).toBe(true);
    expect(execution?.states).toEqual(['Sync phase from table', 'Request: clock tolled, agency waiting on the requester']);
    await wf.stop();
  });

  it('goes back to sync when the item changed between sync and the wait', async () => {
    let first = true;
    const { calls, run } = scripted({
      sync: () => open(),
      await: () => {
        if (first) {
          first = false;
          const err = new Error('changed');
          err.name = 'ItemChangedError';
          throw err;
        }
        return { ok: true };
      },
    });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM7', JSON.stringify({ itemId: 'ITEM7' }));
    await wf.settled('ITEM7');
    expect(calls.map((c) => c.action)).toEqual(['sync', 'await', 'sync', 'await']);
    await wf.stop();
  });

  it('hands over to a new execution named by the item and a generation', async () => {
    const { calls, run } = scripted({
      sync: (p) => (p.execution === 'ITEM8' ? open({ continueAsNew: true, nextExecution: 'ITEM8-g2' }) : open()),
    });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM8', JSON.stringify({ itemId: 'ITEM8' }));
    const first = await wf.settled('ITEM8');
    expect(first?.status).toBe('SUCCEEDED');
    const second = await wf.settled('ITEM8-g2');
    expect(second?.status).toBe('RUNNING');
    expect(calls.filter((c) => c.action === 'sync').map((c) => c.execution)).toEqual(['ITEM8', 'ITEM8-g2']);
    await wf.stop();
  });

  it('deadline: the wait times out, the passed deadline is handled, and it waits again', async () => {
    const { calls, run } = scripted({ sync: () => open({ waitSeconds: 1 }) });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM2', JSON.stringify({ itemId: 'ITEM2' }));
    // A real one-second timeout (TimeoutSecondsPath), not an override.
    await new Promise<void>((resolve) => {
      const check = (name: string) => name === 'ITEM2' && calls.filter((c) => c.action === 'await').length >= 2 && resolve();
      wf.events.on('waiting', check);
    });
    expect(calls.map((c) => c.action).slice(0, 5)).toEqual(['sync', 'await', 'deadlinePassed', 'sync', 'await']);
    await wf.stop();
  });

  it('retries a failing task and then succeeds', async () => {
    let failures = 0;
    const { calls, run } = scripted({
      sync: () => {
        if (failures++ < 2) throw new Error('DynamoDB throttled');
        return open({ closed: true, phase: 'closed' });
      },
    });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM3', JSON.stringify({ itemId: 'ITEM3' }));
    const done = await wf.settled('ITEM3');
    expect(done?.status).toBe('SUCCEEDED');
    expect(calls.map((c) => c.action)).toEqual(['sync', 'sync', 'sync']);
  });

  it('catches a task that keeps failing, flags the item, and fails the run', async () => {
    const { calls, run } = scripted({
      sync: () => {
        throw new Error('table gone');
      },
    });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    wf.start(machine, 'ITEM4', JSON.stringify({ itemId: 'ITEM4' }));
    const done = await wf.settled('ITEM4');
    expect(done?.status).toBe('FAILED');
    expect(done?.error).toBe('ItemNeedsAttention');
    const flag = calls.find((c) => c.action === 'flag');
    expect(flag).toMatchObject({ itemId: 'ITEM4', error: { Error: 'Error' } });
    expect(calls.map((c) => c.action)).toEqual(['sync', 'sync', 'sync', 'sync', 'flag']); // first try + 3 retries
  });

  it('a second start with the same name is a no-op', async () => {
    const { run } = scripted({ sync: () => open() });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0);
    const input = JSON.stringify({ itemId: 'ITEM5' });
    const a = wf.start(machine, 'ITEM5', input);
    const b = wf.start(machine, 'ITEM5', input);
    expect(b.arn).toBe(a.arn);
    expect(wf.list()).toHaveLength(1);
    await wf.stop();
  });
  it('counts a wait as waiting once its task has returned and the bound is held', async () => {
    // ITEM2's await task is held open: until it returns, the item has no token and the wait may
    // still be set aside, so settled() must not answer yet.
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const awaitEntered = new Promise<void>((r) => (entered = r));
    const { run } = scripted({
      sync: (p) => open({ waitSeconds: p.execution === 'ITEM1' ? 60 : 3600 }),
      await: async (p) => {
        if (p.itemId === 'ITEM2') {
          entered();
          await gate;
        }
        return { ok: true };
      },
    });
    const wf = new LocalWorkflows(DIR, run, ENTRIES, 0, () => new Date('2026-03-09T12:00:00Z'), 1);
    wf.start(machine, 'ITEM1', JSON.stringify({ itemId: 'ITEM1' }));
    await wf.settled('ITEM1');
    wf.start(machine, 'ITEM2', JSON.stringify({ itemId: 'ITEM2' }));
    let answered = false;
    const counts = wf.settled('ITEM2').then(() => ((answered = true), wf.waitingCounts()));
    await awaitEntered;
    expect(wf.isWaiting('ITEM2')).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    release();
    // The wait that ends last (ITEM2's) is set aside before settled() answers.
    expect(await counts).toEqual({ inMemory: 1, setAside: 1 });
    expect(wf.isWaiting('ITEM2')).toBe(true);
    await wf.stop();
  });
});
