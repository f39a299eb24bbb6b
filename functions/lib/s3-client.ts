/** The S3 client, created once per cold start, for the function that reads SES-received mail from its bucket. */
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({});
