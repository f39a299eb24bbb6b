/**
 * SES receiving, deployed: the receipt rule for the intake address stores each message in the
 * mail bucket (encrypted with the stack's key), then invokes this function with the message's
 * id. The message is read from the bucket and goes through the same intake as POST
 * /api/inbound/email and the local drop folder. A message refused before parsing is logged and
 * stays in the bucket: nothing received is lost.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { SESEvent } from 'aws-lambda';
import { config } from './lib/config';
import { MailRefusedError } from './lib/errors';
import { logger } from './lib/logger';
import { receiveMail } from './lib/mail-intake';
import { s3 } from './lib/s3-client';
import { MAIL_OBJECT_PREFIX } from './mail-prefix';

if (!config.mailBucket) throw new Error('Missing required environment variable MAIL_BUCKET');

export type FetchMessage = (key: string) => Promise<Buffer>;

const fromBucket: FetchMessage = async (key) => {
  const object = await s3.send(new GetObjectCommand({ Bucket: config.mailBucket, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
};

/** The bare function: each SES record's message, fetched, into the intake. */
export async function receiveSes(event: SESEvent, fetch: FetchMessage = fromBucket): Promise<void> {
  for (const record of event.Records) {
    const { messageId, timestamp } = record.ses.mail;
    const key = `${MAIL_OBJECT_PREFIX}${messageId}`;
    try {
      const out = await receiveMail({ raw: await fetch(key), via: 'ses', receivedAt: new Date(timestamp) });
      logger.info('mail received', { via: 'ses', status: out.status, kind: out.mail.kind, proposals: out.mail.proposalIds.length });
    } catch (err) {
      if (!(err instanceof MailRefusedError)) throw err;
      logger.warn('mail refused; kept in the bucket', { key, reason: err.message });
    }
  }
}

export const handler = (event: SESEvent) => receiveSes(event);
