/**
 * Handler overhead: what intake costs beyond the service calls it makes. The local twin runs
 * in-process (DynamoDB Local, in memory, and the local Step Functions endpoint, as the tests
 * use them). A few intakes record the calls the handler sends (DynamoDB and Step Functions
 * commands, with their inputs, in order; calls that overlapped stay together). Then, in
 * shuffled interleaved rounds, one intake through the handler and one replay of those same
 * calls through bare SDK clients (fresh ids in place of the recorded ones, so every write is
 * new and every execution starts), each followed by its workflow settling before the next round
 * starts. Printed: min and median of both and their ratio. Goal: the handler at most 1.3x.
 *
 *   npx tsx bench/handler-overhead.ts      (OVERHEAD_ROUNDS=150 to change the rounds)
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as dynamo from '@aws-sdk/client-dynamodb';
import * as stepFunctions from '@aws-sdk/client-sfn';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ulid } from 'ulid';
import { startLocal } from '../local/runtime';
import { fakeContext } from '../local/server';
import { printTable } from './table';

const ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? '150');
const WARM_UP = 5;

const stack = await startLocal({ port: 0, inMemory: true, quiet: true, sweepIntervalMs: 0, noDemoItems: true, dataDir: mkdtempSync(path.join(tmpdir(), 'docketwatch-overhead-')) });
const { ddb } = await import('../functions/lib/clients');
const { sfn } = await import('../functions/lib/sfn-client');
const { handler } = (await import('../functions/intake')) as { handler: (e: APIGatewayProxyEventV2, c: unknown) => Promise<APIGatewayProxyStructuredResultV2> };

interface Call {
  service: 'dynamodb' | 'sfn';
  /** The low-level command the call went out as (the document client's commands marshal to these). */
  command: string;
  input: unknown;
  start: number;
  end: number;
}

/** Calls are recorded only inside a handler run: the workflows' own calls run outside it. */
const recording = new AsyncLocalStorage<Call[]>();
const DOCUMENT_TO_LOW_LEVEL: Record<string, string> = {
  GetCommand: 'GetItemCommand',
  PutCommand: 'PutItemCommand',
  UpdateCommand: 'UpdateItemCommand',
  DeleteCommand: 'DeleteItemCommand',
  QueryCommand: 'QueryCommand',
  ScanCommand: 'ScanCommand',
  BatchGetCommand: 'BatchGetItemCommand',
  BatchWriteCommand: 'BatchWriteItemCommand',
  TransactGetCommand: 'TransactGetItemsCommand',
  TransactWriteCommand: 'TransactWriteItemsCommand',
};
function record(service: Call['service'], client: { middlewareStack: { add: (m: never, o: object) => void } }) {
  const middleware = (next: (a: { input: unknown }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: unknown }) => {
    const calls = recording.getStore();
    if (!calls) return next(args);
    const name = context.commandName ?? '?';
    // At the build step the document client's input is already marshalled: the low-level call's own input.
    const call: Call = { service, command: DOCUMENT_TO_LOW_LEVEL[name] ?? name, input: structuredClone(args.input), start: performance.now(), end: 0 };
    calls.push(call);
    try {
      return await next(args);
    } finally {
      call.end = performance.now();
    }
  };
  client.middlewareStack.add(middleware as never, { step: 'build', name: `benchRecord-${service}` });
}
record('dynamodb', ddb as never);
record('sfn', sfn as never);

const body = (n: number) =>
  JSON.stringify({ kind: 'foia', agency: 'IRS', requester: { name: `Overhead ${n}`, email: `overhead${n}@example.org` }, description: `Records of the data-sharing agreement, request ${n}.`, feeWaiver: { requested: false }, expedited: { requested: false } });

/** A public intake as API Gateway hands it over, with the Idempotency-Key the web form sends. */
function intakeEvent(n: number): APIGatewayProxyEventV2 {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'POST /api/requests',
    rawPath: '/api/requests',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'POST', path: '/api/requests', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: randomUUID(),
      routeKey: 'POST /api/requests',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body(n),
    isBase64Encoded: false,
  };
}

let n = 0;
/** One intake through the handler; answers its time and the calls it made. */
async function viaHandler(): Promise<{ ms: number; callsMs: number; calls: Call[]; execution: string }> {
  const calls: Call[] = [];
  const event = intakeEvent(n++);
  const began = performance.now();
  const res = await recording.run(calls, () => handler(event, fakeContext('intake')));
  const ms = performance.now() - began;
  if (res.statusCode !== 201) throw new Error(`intake answered ${res.statusCode}: ${res.body}`);
  const callsMs = groups(calls).reduce((sum, g) => sum + Math.max(...g.map((c) => c.end)) - Math.min(...g.map((c) => c.start)), 0);
  return { ms, callsMs, calls, execution: (JSON.parse(res.body!) as { workflow: { execution: string } }).workflow.execution };
}

const rawDynamo = new dynamo.DynamoDBClient({});
const rawSfn = new stepFunctions.SFNClient({});
const ID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
const TRACKING = /\b[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){4}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
/** Keys store hashes of the idempotency key and of the tracking code. */
const SHA256 = /\b[0-9a-f]{64}\b/g;

/** The recorded calls with every id, tracking code, key and hash replaced by a fresh one (the same old one, the same new one). */
function freshCopy(calls: readonly Call[]): Call[] {
  const fresh = new Map<string, string>();
  const swap = (make: () => string) => (old: string) => fresh.get(old) ?? (fresh.set(old, make()), fresh.get(old)!);
  return calls.map((c) => ({
    ...c,
    input: JSON.parse(
      JSON.stringify(c.input)
        .replace(TRACKING, swap(() => ulid().slice(-25).replace(/(.{5})(?=.)/g, '$1-')))
        .replace(ID, swap(ulid))
        .replace(UUID, swap(randomUUID))
        .replace(SHA256, swap(() => randomBytes(32).toString('hex'))),
    ) as unknown,
  }));
}

/** Calls that overlapped in the handler's run, as groups sent together; the groups in order. */
function groups(calls: readonly Call[]): Call[][] {
  const out: Call[][] = [];
  let end = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.start < end) out.at(-1)!.push(c);
    else out.push([c]);
    end = Math.max(end, c.end);
  }
  return out;
}

function send(c: Call): Promise<unknown> {
  const lib = (c.service === 'dynamodb' ? dynamo : stepFunctions) as unknown as Record<string, new (input: unknown) => never>;
  const Command = lib[c.command];
  if (!Command) throw new Error(`no ${c.service} command ${c.command}`);
  return c.service === 'dynamodb' ? rawDynamo.send(new Command(c.input)) : rawSfn.send(new Command(c.input));
}

/** The same calls, bare: answers the time and the execution it started. */
async function viaRawCalls(template: readonly Call[]): Promise<{ ms: number; execution: string }> {
  const calls = freshCopy(template);
  const began = performance.now();
  for (const group of groups(calls)) await Promise.all(group.map(send));
  const ms = performance.now() - began;
  const start = calls.find((c) => c.command === 'StartExecutionCommand');
  return { ms, execution: (start?.input as { name: string }).name };
}

try {
  let template: Call[] = [];
  for (let i = 0; i < WARM_UP; i++) {
    const run = await viaHandler();
    await stack.workflows.settled(run.execution);
    template = run.calls;
  }
  const times = { handler: [] as number[], raw: [] as number[], handlerCalls: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of Math.random() < 0.5 ? (['handler', 'raw'] as const) : (['raw', 'handler'] as const)) {
      const run = which === 'handler' ? await viaHandler() : { ...(await viaRawCalls(template)), callsMs: undefined };
      times[which].push(run.ms);
      if (run.callsMs !== undefined) times.handlerCalls.push(run.callsMs);
      // The execution it started runs on the same process: let it reach its wait before timing more.
      await stack.workflows.settled(run.execution);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(times.handler) / median(times.raw);
  const callList = groups(template)
    .map((g) => g.map((c) => c.command.replace(/Command$/, '')).join(' + '))
    .join(', ');
  console.log(`Handler overhead: intake (public, with an Idempotency-Key) vs its own calls, ${ROUNDS} shuffled rounds`);
  console.log(`calls: ${callList}`);
  printTable(
    ['run', 'min', 'median', 'median ratio', 'within goal'],
    [
      ['bare SDK calls', `${Math.min(...times.raw).toFixed(1)} ms`, `${median(times.raw).toFixed(1)} ms`, '1.00', ''],
      ['intake handler', `${Math.min(...times.handler).toFixed(1)} ms`, `${median(times.handler).toFixed(1)} ms`, ratio.toFixed(2), ratio <= 1.3 ? 'yes' : 'no'],
      ['  its calls, as sent by it', `${Math.min(...times.handlerCalls).toFixed(1)} ms`, `${median(times.handlerCalls).toFixed(1)} ms`, (median(times.handlerCalls) / median(times.raw)).toFixed(2), ''],
    ],
  );
} finally {
  await stack.stop();
}
