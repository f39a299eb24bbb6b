/** The SNS client, created once per cold start, for the function that delivers notifications. */
import { SNSClient } from '@aws-sdk/client-sns';

export const sns = new SNSClient({});
