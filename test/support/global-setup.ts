/** One DynamoDB Local for the whole run, through the same start/stop `npm start` uses. */
import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../local/dynamo';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamo();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
