/**
 * The item-lifecycle state machine, generated from the phase table. What repeats in the ASL (the
 * phase Choice and one wait state per phase) comes from here, never from a hand edit; the
 * committed `statemachines/item-lifecycle.asl.json` is this function's output (a test holds the
 * two equal, `npm run generate:asl` writes it). JSONPath only: the local runner ignores JSONata.
 *
 * Transitions are billed, so each path is short:
 *  - an event: the waker sends the next step with the token, so the wait goes straight to the
 *    phase Choice and the next wait (2 transitions);
 *  - a deadline: the wait times out, one step marks what passed and returns the next step (3);
 *  - a wait lasts until the next deadline or the hand-over, with no periodic re-check: a change
 *    that moves deadlines (an event, a calendar day) wakes the executions it touched.
 */
import { PHASES } from './phases';

const FUNCTION = '${WorkflowTaskFunctionArn}';
export const SYNC = 'Sync phase from table';
export const CHOICE = 'Which phase?';
export const OTHER_PHASE = 'Waiting in another phase';
export const DEADLINE = 'Deadline reached or hand-over due';
export const HANDOVER = 'Continue as a new execution';
export const FLAG = 'Flag item for attention';

const LAMBDA_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];
const retry = (errors: string[]) => [{ ErrorEquals: errors, IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }];
const toFlag = { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: FLAG };

function invoke(action: string, extra: Record<string, string> = {}) {
  return { FunctionName: FUNCTION, Payload: { action, 'itemId.$': '$.itemId', ...extra } };
}

/** A phase's wait: for an event (its token is stored on the item) or the wait's timeout, whichever comes first. */
function waitState(comment: string) {
  return {
    Type: 'Task',
    Comment: comment,
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: invoke('await', { 'version.$': '$.step.next.version', 'taskToken.$': '$$.Task.Token' }),
    TimeoutSecondsPath: '$.step.next.waitSeconds',
    // The waker's output is the next step ({ next }); without one the Choice syncs from the table.
    ResultPath: '$.step',
    Retry: retry(LAMBDA_ERRORS),
    Catch: [
      { ErrorEquals: ['ItemChangedError'], ResultPath: '$.changed', Next: SYNC },
      { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: DEADLINE },
      toFlag,
    ],
    Next: CHOICE,
  };
}

export function lifecycleDefinition() {
  const waiting = PHASES.filter((p) => p.state);
  const phaseStates = Object.fromEntries(waiting.map((p) => [p.state!, waitState(`Waits for ${p.waitsFor}.`)]));
  return {
    Comment:
      'Lifecycle of one tracked item, in the phases a lawyer would name. DynamoDB holds the truth: every step reads the item. In a phase the execution waits for the next event (a task token stored on the item) or the next deadline (the wait\'s timeout), whichever comes first. Generated from core/lifecycle/phases.ts: edit the phase table, then run `npm run generate:asl`.',
    StartAt: SYNC,
    States: {
      [SYNC]: {
        Type: 'Task',
        Comment: 'Reads the item (the source of truth) and returns the next step: its phase, the seconds until its next deadline ends, and whether this execution should hand over to a new one.',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: invoke('sync', { 'execution.$': '$$.Execution.Name' }),
        ResultSelector: { 'next.$': '$.Payload' },
        ResultPath: '$.step',
        Retry: retry([...LAMBDA_ERRORS, 'States.TaskFailed']),
        Catch: [toFlag],
        Next: CHOICE,
      },
      [CHOICE]: {
        Type: 'Choice',
        Choices: [
          { Not: { Variable: '$.step.next.phaseState', IsPresent: true }, Next: SYNC },
          { Variable: '$.step.next.closed', BooleanEquals: true, Next: 'Closed' },
          { Variable: '$.step.next.continueAsNew', BooleanEquals: true, Next: HANDOVER },
          ...waiting.map((p) => ({ Variable: '$.step.next.phaseState', StringEquals: `${p.family}.${p.phase}`, Next: p.state! })),
        ],
        Default: OTHER_PHASE,
      },
      ...phaseStates,
      [OTHER_PHASE]: waitState('A phase without a state of its own still waits for its events and deadlines.'),
      [DEADLINE]: {
        Type: 'Task',
        Comment: 'Marks every deadline that has ended unmet as missed (a missed FOIA response is constructive exhaustion) and records it; returns the next step.',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: invoke('deadlinePassed', { 'execution.$': '$$.Execution.Name' }),
        ResultSelector: { 'next.$': '$.Payload' },
        ResultPath: '$.step',
        Retry: retry([...LAMBDA_ERRORS, 'States.TaskFailed']),
        Catch: [toFlag],
        Next: CHOICE,
      },
      [HANDOVER]: {
        Type: 'Task',
        Comment: "Well before Step Functions' one-year limit, a new execution (named by the item id and a generation) takes over from the table.",
        Resource: 'arn:aws:states:::states:startExecution',
        Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id', 'Name.$': '$.step.next.nextExecution', Input: { 'itemId.$': '$.itemId' } },
        ResultPath: null,
        Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 }],
        Catch: [{ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: 'Handed over' }, toFlag],
        Next: 'Handed over',
      },
      'Handed over': { Type: 'Succeed', Comment: 'The new execution carries on from the table.' },
      [FLAG]: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: invoke('flag', { 'error.$': '$.error' }),
        ResultPath: null,
        Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 5, BackoffRate: 2 }],
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'ItemNeedsAttention', Cause: 'A workflow step failed; the item is flagged for attention and the sweep restarts its workflow.' },
      Closed: { Type: 'Succeed' },
    },
  };
}

/** The committed file's text: the definition, two-space indented, with a final newline. */
export function lifecycleAslText(): string {
  return `${JSON.stringify(lifecycleDefinition(), null, 2)}\n`;
}
