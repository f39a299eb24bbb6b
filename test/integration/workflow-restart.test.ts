/**
 * A workflow step that keeps failing flags the item and fails the run; nothing is lost: the
 * next sweep starts a new generation that reads the item from the table and waits again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalStack } from '../../local/runtime';
import { validIntake } from '../support/fixtures';
import { api, testStack, type Api } from '../support/stack';

let stack: LocalStack;
let http: Api;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  http = api(stack);
});
afterAll(() => stack?.stop());

it('flags the item when its workflow fails, and the sweep restarts it', async () => {
  const { id } = await (await http.post('/api/requests', validIntake())).json();
  await stack.workflows.settled(id);
  // What the ASL's "Flag item for attention" step does after a Task exhausted its retries.
  const { workflowTask } = await import('../../functions/workflow-task');
  await workflowTask({ action: 'flag', itemId: id, error: { Error: 'Lambda.ServiceException' } });
  const flagged = await (await http.get(`/api/requests/${id}`, stack.teamToken)).json();
  expect(flagged.attention.reason).toMatch(/Lambda.ServiceException/);
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
