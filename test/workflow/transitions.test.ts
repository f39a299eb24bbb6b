/**
 * What a request costs in Step Functions transitions, on the local runner with the real ASL and
 * every wait's timeout firing when it would: the targets the lifecycle is designed to.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countTransitions, SCENARIOS, START } from '../../bench/transition-scenarios';
import type { LocalStack } from '../../local/runtime';
import { testStack } from '../support/stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await testStack({ clockStart: START });
});
afterAll(() => stack?.stop());

const TARGETS: Record<string, number> = { simple: 10, appealed: 25, 'idle-6-months': 12 };

it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s stays within its transition budget', async (name, scenario) => {
  const n = await countTransitions(stack, scenario, stack.teamToken);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(TARGETS[name]!);
});

it('an event costs two transitions: the phase Choice and the next wait', async () => {
  const [simple] = SCENARIOS;
  await countTransitions(stack, simple!, stack.teamToken);
  const execution = stack.workflows.list().at(-1)!;
  // Start: sync, Choice, wait. Each of the three events: Choice, then the next wait or the end.
  expect(execution.transitions).toEqual([
    'Sync phase from table',
    'Which phase?',
    "Request: awaiting the agency's response",
    'Which phase?',
    "Request: awaiting the agency's response",
    'Which phase?',
    'Request: determination received',
    'Which phase?',
    'Closed',
  ]);
});
