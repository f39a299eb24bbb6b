/** The SES v2 client, created once per cold start, for the function that sends e-mail (the sweep). */
import { SESv2Client } from '@aws-sdk/client-sesv2';

export const ses = new SESv2Client({});
