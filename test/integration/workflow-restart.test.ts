/**
 * A workflow step that keeps failing, for real: DynamoDB answers the step's writes with a 500
 * (through a proxy in front of DynamoDB Local), the ASL's Retry runs the step again, its Catch
 * flags the item and queues it, and the run fails. Nothing is lost: once the table answers
 * again, the next sweep starts a new generation that reads the item and waits again.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { startDynamoProxy, type DynamoProxy } from '../support/dynamo-proxy';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let proxy: DynamoProxy;
let stack: LocalStack;
let http: Api;

beforeAll(async () => {
  proxy = await startDynamoProxy(inject('dynamoEndpoint'));
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z', dynamoEndpoint: proxy.endpoint });
  http = api(stack);
});
afterAll(async () => {
  await stack?.stop();
  await proxy?.close();
});

/** How many times the state machine's first step runs when it keeps failing: once, then each retry. */
function attemptsOfFirstStep(): number {
  const { definition } = [...stack.workflows.machines.values()][0]!;
  const states = definition.States as Record<string, { Retry?: { ErrorEquals: string[]; MaxAttempts?: number }[] }>;
  const retry = states[definition.StartAt as string]!.Retry?.find((r) => r.ErrorEquals.includes('States.TaskFailed') || r.ErrorEquals.includes('States.ALL'));
  if (!retry) throw new Error('The first step has no Retry for a failed task');
  // ASL: MaxAttempts defaults to 3.
  return 1 + (retry.MaxAttempts ?? 3);
}

it('retries a failing step, then flags the item and queues it; the sweep restarts it once the table answers', async () => {
  // The workflow's first step records its state on the item (UpdateItem); intake writes in one
  // transaction (TransactWriteItems), which still goes through, as does the flag's.
  proxy.fail('UpdateItem');
  const res = await http.post('/api/requests', validIntake());
  expect(res.status).toBe(201);
  const { id } = await res.json();
  const run = await stack.workflows.settled(id);
  expect(run?.status).toBe('FAILED');
  const firstStep = run!.states[0]!;
  expect(run!.states.filter((s) => s === firstStep)).toHaveLength(attemptsOfFirstStep());
  expect(proxy.failed.get('UpdateItem')).toBeGreaterThanOrEqual(attemptsOfFirstStep());

  proxy.heal();
  const flagged = await (await http.get(`/api/requests/${id}`, stack.teamToken)).json();
  expect(flagged.attention.reason).toBe('Workflow step failed: InternalServerError');
  expect(flagged.workflow.state).toBe('failed');

  const report = (await stack.sweep()) as { restarted: string[] };
  expect(report.restarted).toEqual([id]);
  const next = await stack.workflows.settled(`${id}-g2`);
  expect(next?.status).toBe('RUNNING');
  const after = await (await http.get(`/api/requests/${id}`, stack.teamToken)).json();
  expect(after.workflow).toEqual({ execution: `${id}-g2`, state: 'waiting' });
  // Once: the queue entry is gone.
  expect(((await stack.sweep()) as { restarted: string[] }).restarted).toEqual([]);
});
