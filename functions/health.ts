/** GET /api/health: 200 when the table and the workflow runner answer, 503 otherwise. */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ddb } from './lib/clients';
import { config } from './lib/config';
import { httpHandler, json, type HttpResult } from './lib/http';
import { workflowAnswers } from './lib/workflow';

async function check(probe: () => Promise<boolean>): Promise<'ok' | 'down'> {
  try {
    return (await probe()) ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}

export async function health(): Promise<HttpResult> {
  const [table, workflow] = await Promise.all([
    check(async () => (await ddb.send(new DescribeTableCommand({ TableName: config.tableName }))).Table?.TableStatus === 'ACTIVE'),
    check(workflowAnswers),
  ]);
  const ok = table === 'ok' && workflow === 'ok';
  return json(ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', table, workflow });
}

export const handler = httpHandler(health);
