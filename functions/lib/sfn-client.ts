/** The Step Functions client, created once per cold start, for the functions that start or signal executions. */
import { SFNClient } from '@aws-sdk/client-sfn';

export const sfn = new SFNClient({});
