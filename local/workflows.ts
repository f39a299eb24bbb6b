/**
 * The state machines from statemachines/*.asl.json, run in-process by aws-local-stepfunctions.
 * Task states call the same handler modules Lambda runs. The runner has no
 * `.waitForTaskToken`, so a waiting Task hands the handler a token from this registry and
 * waits on a promise that SendTaskSuccess (through the local Step Functions endpoint) resolves.
 *
 * The runner holds every live execution in memory, and an open item's execution lives until the
 * item closes. So at most `maxWaiting` executions wait here at once: beyond that, the waiting one
 * whose wait ends last is set aside (its run ended, a few fields kept). When its token is used
 * or its timeout comes, a fresh execution of the same name and input starts and reads the item
 * from the table, as every open item's does after a restart.
 */
import { ExecutionAbortedError, StateMachine } from 'aws-local-stepfunctions';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { listAslFiles, renderAsl, substitutionFor } from '../infra/asl';

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';
export const localFunctionArn = (entry: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${entry}`;
export const localStateMachineArn = (name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;

export { substitutionFor };

/** Reads an ASL file through the same loader the CDK app uses; a missing substitution is an error. */
export function loadDefinition(path: string, substitutions: Record<string, string>): Record<string, unknown> {
  return JSON.parse(renderAsl(path, substitutions)) as Record<string, unknown>;
}

const TIMEOUT_KEY = '__localTimeoutSeconds';
/** How many ended executions the runner remembers. */
const KEEP_ENDED = 500;
/** How many executions wait in memory at once by default; the rest are set aside until woken. */
export const MAX_WAITING = 200;
/** Node fires a timer longer than 2^31 - 1 ms (about 24.8 days) at once: longer waits re-arm in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The runner evaluates TimeoutSecondsPath against the Task's Parameters output; Step Functions
 * evaluates it against the state's input. For the local run, the path moves into Parameters
 * (evaluated on the state's input, as in AWS) and the Task handler keeps the timer itself.
 */
function localise(definition: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(definition);
  for (const state of Object.values(copy.States as Record<string, Record<string, unknown>>)) {
    if (state.Type !== 'Task' || typeof state.TimeoutSecondsPath !== 'string') continue;
    state.Parameters = { ...(state.Parameters as object), [`${TIMEOUT_KEY}.$`]: state.TimeoutSecondsPath };
    // The runner keeps no timer of its own: the wait's timeout is kept here, on the app's clock.
    delete state.TimeoutSecondsPath;
  }
  return copy;
}

export type TaskRunner = (entry: string, payload: Record<string, unknown>) => Promise<unknown>;

type Status = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
interface Execution {
  /** This run, apart from a later one of the same name (an execution set aside, then resumed). */
  runId: number;
  arn: string;
  name: string;
  stateMachineArn: string;
  status: Status;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
  /** Task states entered, in order (the phases the console's graph would light up). */
  states: string[];
  /** Every state entered, of every type, from the runner's event log: the billed transitions. */
  transitions: string[];
  abort: () => void;
  done: Promise<void>;
}
interface Wait {
  executionName: string;
  runId: number;
  /** The Task call that registered it has returned: the execution is waiting. */
  ready?: boolean;
  /** When its timeout ends, on the application's clock (epoch ms); undefined: no timeout. */
  expiresAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** An execution set aside while it waited: what it takes to start it again. */
interface SetAside {
  executionName: string;
  stateMachineArn: string;
  input: string;
  expiresAt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class LocalWorkflowError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = code;
  }
}

type StateDef = { Type: string; Resource?: string; Seconds?: number; ItemProcessor?: { States: Record<string, StateDef> }; Iterator?: { States: Record<string, StateDef> } };

/** Every state of a definition, those inside a Map's processor included (the runner names them alike). */
function allStates(definition: { States?: unknown }): [string, StateDef][] {
  return Object.entries((definition.States ?? {}) as Record<string, StateDef>).flatMap(([name, state]): [string, StateDef][] => {
    const inner = state.ItemProcessor ?? state.Iterator;
    return [[name, state], ...(inner ? allStates(inner) : [])];
  });
}

/**
 * A Wait of some seconds is a poll (a job waiting for an earlier one to end): on one machine
 * the thing polled for is a few calls away, so the twin looks again sooner, never later.
 */
const LOCAL_POLL_MS = 250;
function waitOverrides(definition: { States?: unknown }): Record<string, number> {
  return Object.fromEntries(allStates(definition).filter(([, s]) => s.Type === 'Wait' && s.Seconds !== undefined).map(([name, s]) => [name, Math.min(s.Seconds! * 1000, LOCAL_POLL_MS)]));
}

/** Rejecting a wait with this name takes the Task's `States.Timeout` Catch, as a real timeout would. */
function statesTimeout(): Error {
  const err = new Error('The wait timed out');
  err.name = 'States.Timeout';
  return err;
}

export class LocalWorkflows {
  readonly machines = new Map<string, { arn: string; name: string; definition: Record<string, unknown>; machine: StateMachine }>();
  private readonly executions = new Map<string, Execution>();
  /** Ended executions, oldest first: the map keeps only the last KEEP_ENDED of them. */
  private readonly ended: string[] = [];
  private readonly waits = new Map<string, Wait>();
  /** Waiting executions set aside, by the token of their wait. */
  private readonly setAside = new Map<string, SetAside>();
  private runs = 0;
  /** Task calls under way: an aborted run lets its current Task finish, so stop() waits for them. */
  private readonly inflight = new Set<Promise<unknown>>();
  /** Emits `waiting` and `ended` with the execution name, and `task` with it and the Task state that returned. */
  readonly events = new EventEmitter();

  constructor(
    dir: string,
    private readonly runTask: TaskRunner,
    entries: readonly string[],
    /** Tests shorten every Retry pause to this many ms instead of sleeping through them. */
    private readonly retryIntervalMs?: number,
    /** The application's clock: execution start times and wait timeouts are read on it, as on AWS. */
    private readonly now: () => Date = () => new Date(),
    /** At most this many executions wait in memory; the others are set aside until woken. */
    private readonly maxWaiting: number = MAX_WAITING,
  ) {
    const substitutions = Object.fromEntries(entries.map((e) => [substitutionFor(e), localFunctionArn(e)]));
    for (const { name, path } of listAslFiles(dir)) {
      const definition = loadDefinition(path, substitutions);
      const arn = localStateMachineArn(name);
      this.machines.set(arn, { arn, name, definition, machine: new StateMachine(localise(definition) as never) });
    }
    this.events.setMaxListeners(0);
  }

  start(stateMachineArn: string, name: string, input: string): Execution {
    const sm = this.machines.get(stateMachineArn);
    if (!sm) throw new LocalWorkflowError('StateMachineDoesNotExist', `No state machine ${stateMachineArn}`);
    const arn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(arn);
    if (existing) {
      // Step Functions: the same name and input on a running execution is idempotent.
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new LocalWorkflowError('ExecutionAlreadyExists', `Execution ${name} already exists`);
    }
    const startDate = this.now();
    const parsed = JSON.parse(input) as unknown;
    const states: string[] = [];
    const transitions: string[] = [];
    const runId = ++this.runs;
    const run = sm.machine.run(parsed as never, {
      overrides: { taskResourceLocalHandlers: this.taskHandlers(sm.definition, name, runId, (state) => states.push(state)), retryIntervalOverrides: this.retryOverrides(sm.definition), waitTimeOverrides: waitOverrides(sm.definition) },
      context: {
        Execution: { Id: arn, Name: name, Input: parsed, StartTime: startDate.toISOString() },
        StateMachine: { Id: stateMachineArn, Name: sm.name },
        // Placeholder so `$$.Task.Token` resolves; the waiting handler mints the real token.
        Task: { Token: 'local' },
      } as never,
    });
    const execution: Execution = {
      runId,
      arn,
      name,
      stateMachineArn,
      status: 'RUNNING',
      input,
      startDate,
      states,
      transitions,
      abort: () => run.abort(),
      done: Promise.resolve(),
    };

    void (async () => {
      for await (const e of run.eventLogs) if (e.type === 'StateEntered') transitions.push(e.state.name);
    })().catch(() => undefined);
    execution.done = run.result.then(
      (output) => this.finish(execution, 'SUCCEEDED', { output: JSON.stringify(output ?? null) }),
      (err: Error) => {
        if (err instanceof ExecutionAbortedError) return this.finish(execution, 'ABORTED', {});
        // The runner wraps the state's error; Step Functions reports the state's own.
        const inner = (err.cause as Error | undefined) ?? err;
        this.finish(execution, 'FAILED', { error: inner.name, cause: inner.message });
      },
    );
    this.executions.set(arn, execution);
    return execution;
  }

  private retryOverrides(definition: Record<string, unknown>): Record<string, number> {
    if (this.retryIntervalMs === undefined) return {};
    return Object.fromEntries(allStates(definition).map(([name]) => [name, this.retryIntervalMs!]));
  }

  private finish(e: Execution, status: Status, extra: Partial<Execution>): void {
    // The record outlives its run: dropping the abort closure lets the runner's state go.
    Object.assign(e, { status, stopDate: this.now(), abort: () => undefined, ...extra });
    // Ended executions are kept for a while (describe, tests, the transition count), then
    // forgotten: the table, not this map, is what an item's history lives in.
    this.ended.push(e.arn);
    while (this.ended.length > KEEP_ENDED) {
      const old = this.ended.shift()!;
      if (this.executions.get(old)?.status !== 'RUNNING') this.executions.delete(old);
    }
    for (const [token, wait] of this.waits) {
      if (wait.runId !== e.runId) continue;
      clearTimeout(wait.timer);
      this.waits.delete(token);
    }
    this.events.emit('ended', e.name);
  }

  /** While more executions wait than the bound, sets aside the one whose wait ends last. */
  private holdBound(): void {
    while (this.waits.size > this.maxWaiting) {
      let last: [string, Wait] | undefined;
      for (const entry of this.waits) {
        if (!entry[1].ready) continue;
        if (!last || (entry[1].expiresAt ?? Infinity) > (last[1].expiresAt ?? Infinity)) last = entry;
      }
      if (!last) return;
      this.setAsideWait(...last);
    }
  }

  private setAsideWait(token: string, wait: Wait): void {
    const e = [...this.executions.values()].find((x) => x.runId === wait.runId);
    this.waits.delete(token);
    clearTimeout(wait.timer);
    if (!e || e.status !== 'RUNNING') return;
    const kept: SetAside = { executionName: e.name, stateMachineArn: e.stateMachineArn, input: e.input, ...(wait.expiresAt === undefined ? {} : { expiresAt: wait.expiresAt }) };
    this.setAside.set(token, kept);
    this.schedule(kept, () => this.resume(token));
    // As in stop(): abort, then let the wait return quietly, so no Catch branch runs.
    e.abort();
    wait.resolve({ aborted: true });
  }

  /** Starts a set-aside execution again: a fresh run of the same name and input reads the item from the table. */
  private resume(token: string): void {
    const kept = this.setAside.get(token);
    if (!kept) return;
    this.setAside.delete(token);
    clearTimeout(kept.timer);
    // The aborted run may still be finishing its last state: its record goes now, its end changes nothing.
    this.executions.delete(`${kept.stateMachineArn.replace(':stateMachine:', ':execution:')}:${kept.executionName}`);
    this.start(kept.stateMachineArn, kept.executionName, kept.input);
  }

  private taskHandlers(definition: Record<string, unknown>, executionName: string, runId: number, entered: (state: string) => void) {
    // The runner types inputs and results as JSON values; these handlers pass JSON through.
    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [stateName, state] of allStates(definition)) {
      if (state.Type !== 'Task') continue;
      const resource = state.Resource ?? '';
      handlers[stateName] = (async (input: unknown) => {
        entered(stateName);
        const { FunctionName, Payload, [TIMEOUT_KEY]: timeoutSeconds } = input as {
          FunctionName: string;
          Payload: Record<string, unknown>;
          [TIMEOUT_KEY]?: number;
        };
        const entry = String(FunctionName).split(':function:')[1] ?? '';
        if (resource.endsWith('lambda:invoke.waitForTaskToken')) {
          const token = randomUUID();
          const result = new Promise((resolve, reject) => {
            const wait: Wait = {
              executionName,
              runId,
              ...(timeoutSeconds === undefined ? {} : { expiresAt: this.now().getTime() + timeoutSeconds * 1000 }),
              resolve: (v) => (clearTimeout(wait.timer), resolve(v)),
              reject: (e) => (clearTimeout(wait.timer), reject(e)),
            };
            this.waits.set(token, wait);
            this.arm(token, wait);
          });
          // Expired or aborted before the runner awaits it: not an unhandled rejection.
          result.catch(() => undefined);
          try {
            await this.call(entry, { ...Payload, taskToken: token });
          } catch (err) {
            // The wait was never registered on the item (e.g. ItemChangedError): drop its token.
            this.waits.get(token)?.resolve(null);
            this.waits.delete(token);
            throw err;
          }
          const registered = this.waits.get(token);
          if (registered) registered.ready = true;
          this.events.emit('waiting', executionName);
          this.holdBound();
          return result;
        }
        if (resource.endsWith('lambda:invoke')) {
          const result = (await this.call(entry, Payload)) ?? null;
          this.events.emit('task', executionName, stateName);
          return { StatusCode: 200, Payload: result };
        }
        if (resource === 'arn:aws:states:::states:startExecution') {
          const { StateMachineArn, Name, Input } = input as { StateMachineArn: string; Name: string; Input: unknown };
          try {
            const started = this.start(StateMachineArn, Name, JSON.stringify(Input));
            return { ExecutionArn: started.arn, StartDate: started.startDate.toISOString() };
          } catch (err) {
            // The service integration reports this error name to Catch.
            if (err instanceof LocalWorkflowError && err.code === 'ExecutionAlreadyExists') {
              const e = new Error(err.message);
              e.name = 'StepFunctions.ExecutionAlreadyExistsException';
              throw e;
            }
            throw err;
          }
        }
        throw new LocalWorkflowError('States.Runtime', `Local runner cannot run resource ${resource}`);
      }) as (input: unknown) => Promise<never>;
    }
    return handlers;
  }

  private call(entry: string, payload: Record<string, unknown>): Promise<unknown> {
    const p = this.runTask(entry, payload);
    this.inflight.add(p);
    const forget = () => this.inflight.delete(p);
    p.then(forget, forget);
    return p;
  }

  sendTaskSuccess(token: string, output: string): void {
    if (this.setAside.has(token)) return this.resume(token);
    const wait = this.takeWait(token);
    wait.resolve(JSON.parse(output));
  }

  sendTaskFailure(token: string, error = 'TaskFailed', cause = ''): void {
    if (this.setAside.has(token)) return this.resume(token);
    const wait = this.takeWait(token);
    const err = new Error(cause);
    err.name = error;
    wait.reject(err);
  }

  private takeWait(token: string): Wait {
    const wait = this.waits.get(token);
    if (!wait) throw new LocalWorkflowError('TaskDoesNotExist', 'No task is waiting with that token');
    this.waits.delete(token);
    return wait;
  }

  private arm(token: string, wait: Wait): void {
    this.schedule(wait, () => this.expireWait(token));
  }

  /** Sets a timer for the time remaining until `expiresAt` on the app clock, re-arming past Node's limit. */
  private schedule(timed: { expiresAt?: number; timer?: ReturnType<typeof setTimeout> }, fire: () => void): void {
    clearTimeout(timed.timer);
    if (timed.expiresAt === undefined) return;
    const remaining = timed.expiresAt - this.now().getTime();
    if (remaining <= 0) {
      fire();
      return;
    }
    timed.timer = setTimeout(() => (remaining > LONGEST_TIMER_MS ? this.schedule(timed, fire) : fire()), Math.min(remaining, LONGEST_TIMER_MS));
  }

  private expireWait(token: string): void {
    const wait = this.waits.get(token);
    if (!wait) return;
    this.waits.delete(token);
    wait.reject(statesTimeout());
  }

  /**
   * The application's clock moved (tests, a demo, `CLOCK_START`): each wait whose timeout has
   * now passed ends as a timeout would; the others keep waiting for the time that remains.
   * Returns how many ended.
   */
  clockMoved(): number {
    let ended = 0;
    for (const [token, wait] of [...this.waits]) {
      if (wait.expiresAt !== undefined && wait.expiresAt <= this.now().getTime()) {
        this.expireWait(token);
        ended++;
      } else {
        this.arm(token, wait);
      }
    }
    for (const [token, kept] of [...this.setAside]) {
      if (kept.expiresAt !== undefined && kept.expiresAt <= this.now().getTime()) {
        this.resume(token);
        ended++;
      } else {
        this.schedule(kept, () => this.resume(token));
      }
    }
    return ended;
  }

  /** When the next wait's timeout ends (epoch ms on the app clock), if any wait has one. */
  nextTimeout(): number | undefined {
    const ends = [...this.waits.values(), ...this.setAside.values()].map((w) => w.expiresAt).filter((t): t is number => t !== undefined);
    return ends.length ? Math.min(...ends) : undefined;
  }

  /**
   * Waiting in memory or set aside (a set-aside execution waits in the table). An in-memory wait
   * counts once the task that registers it has returned and the bound is held: before that the
   * item does not hold its token yet, and the wait may still be set aside.
   */
  isWaiting(executionName: string): boolean {
    return [...[...this.waits.values()].filter((w) => w.ready), ...this.setAside.values()].some((w) => w.executionName === executionName);
  }

  /** Executions waiting in memory, and set aside. */
  waitingCounts(): { inMemory: number; setAside: number } {
    return { inMemory: this.waits.size, setAside: this.setAside.size };
  }

  /** Resolves when the named execution is waiting for an event or a deadline, or has ended. */
  settled(executionName: string, timeoutMs = 20_000): Promise<Execution | undefined> {
    const current = () => [...this.executions.values()].find((e) => e.name === executionName);
    return new Promise((resolve, reject) => {
      const check = () => {
        const e = current();
        if (e && (e.status !== 'RUNNING' || this.isWaiting(executionName))) {
          cleanup();
          resolve(e);
        }
      };
      const onEvent = (name: string) => name === executionName && check();
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Execution ${executionName} did not settle within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('waiting', onEvent).off('ended', onEvent);
      };
      this.events.on('waiting', onEvent).on('ended', onEvent);
      check();
    });
  }

  describe(arn: string): Execution {
    const e = this.executions.get(arn);
    if (!e) throw new LocalWorkflowError('ExecutionDoesNotExist', `No execution ${arn}`);
    return e;
  }

  list(): Execution[] {
    return [...this.executions.values()];
  }

  /** Aborts every running execution and waits for them to end. */
  async stop(): Promise<void> {
    const running = [...this.executions.values()].filter((e) => e.status === 'RUNNING');
    // Abort first: an aborted run finishes its current state and goes no further, so ending
    // the waits afterwards (which clears their timers) cannot lead into a Catch branch.
    for (const e of running) e.abort();
    // Resolved rather than rejected: an aborted run then ends quietly after the current state.
    for (const wait of this.waits.values()) wait.resolve({ aborted: true });
    this.waits.clear();
    for (const kept of this.setAside.values()) clearTimeout(kept.timer);
    this.setAside.clear();
    await Promise.allSettled([...running.map((e) => e.done), ...this.inflight]);
  }
}
