/**
 * Runs before each integration/workflow test file: a table of its own in the shared DynamoDB
 * Local, and the environment the handler modules read at import (so set before they load).
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable, LOCAL_AWS_ENV } from '../../local/dynamo';

const endpoint = inject('dynamoEndpoint');
const tableName = `test-${randomUUID()}`;
Object.assign(process.env, LOCAL_AWS_ENV, {
  TABLE_NAME: tableName,
  AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
});
await ensureTable(endpoint, tableName);
