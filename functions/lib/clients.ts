/**
 * The DynamoDB client, created once per cold start. Endpoints come from the standard
 * AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SFN / AWS_ENDPOINT_URL_SESV2 variables, which the
 * SDK reads itself: the local runtime sets them, so there is no local code path here. Each other
 * service's client lives in a module of its own (sfn-client.ts, ses-client.ts), so a function
 * bundles only the clients it calls.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
