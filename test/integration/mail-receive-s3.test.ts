/**
 * The deployed receive path: SES stores the message under inbound/<messageId> in the mail bucket
 * and invokes the mail function with the receipt event; the function reads the object with the
 * real S3Client (signed, path-style to a stand-in speaking S3's API) and the message goes through
 * the same intake as POST /api/inbound/email. Asserted: the bucket and key it asks for, and that
 * the letter becomes proposals on the request it is about. An object S3 does not have is an
 * error (SES's asynchronous invocation retries it); a refused message is left in the bucket.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SESEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matter } from '../../core/model';
import { letterText, rawMail } from '../support/mail';
import { startS3StandIn, type S3StandIn } from '../support/s3-stand-in';

const BUCKET = 'docketwatch-dev-mailintakemessages-1a2b3c4d';
const RECEIPT = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', 'ses-receipt.json'), 'utf8')) as SESEvent;

let s3: S3StandIn;
let handler: (event: SESEvent) => Promise<void>;
let store: typeof import('../../functions/lib/mail-store');
let matter: Matter;
let iceId: string;
let irsId: string;

/** The captured receipt, for the object SES stored as `messageId`. */
function receipt(messageId: string): SESEvent {
  const event = structuredClone(RECEIPT);
  event.Records[0]!.ses.mail.messageId = messageId;
  return event;
}

beforeAll(async () => {
  s3 = await startS3StandIn();
  // What the CDK stack sets on the function; read by its modules at import.
  Object.assign(process.env, { MAIL_BUCKET: BUCKET, AWS_ENDPOINT_URL_S3: s3.endpoint });
  ({ handler } = await import('../../functions/mail-receive'));
  store = await import('../../functions/lib/mail-store');
  const fixtures = await import('../support/reminders');
  matter = await fixtures.seedMatter();
  const request = (agency: string, receivedAt: string) =>
    fixtures.seedItem(matter, [], {
      kind: 'foia',
      agency,
      title: `FOIA request to ${agency}`,
      phase: 'awaiting_response',
      receivedAt,
      request: { requester: { name: 'Main Street Alliance', email: 'records@example.org' }, description: 'Records of address requests', feeWaiver: { requested: false }, expedited: { requested: false } },
    });
  irsId = (await request('IRS', '2025-10-13T14:00:00.000Z')).item.id;
  iceId = (await request('ICE', '2025-10-14T14:00:00.000Z')).item.id;
});
afterAll(() => s3?.close());

describe('SES receiving through S3', () => {
  it('reads inbound/<messageId> from the mail bucket, signed, and the letter becomes proposals on its request', async () => {
    const raw = rawMail({ from: 'ICE FOIA Office <ice-foia@ice.dhs.gov>', to: matter.team[0]!.email, subject: 'ICE FOIA 2026-ICFO-01234', date: 'Mon, 20 Oct 2025 16:02:11 -0400', messageId: '<s3-ack-01234@ice.dhs.gov>', text: letterText('ice-ack-extension.txt') });
    s3.put(BUCKET, 'inbound/k3v9q1example0mail0object0id0001', raw);
    await handler(receipt('k3v9q1example0mail0object0id0001'));

    expect(s3.requests.map((r) => [r.method, r.bucket, r.key])).toEqual([['GET', BUCKET, 'inbound/k3v9q1example0mail0object0id0001']]);
    expect(s3.requests[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/s3\/aws4_request,/);

    const kept = (await store.listMail()).find((m) => m.messageId === '<s3-ack-01234@ice.dhs.gov>');
    expect(kept).toMatchObject({ via: 'ses', receivedAt: '2025-10-21T14:05:09.000Z', kind: 'letter', itemId: iceId, matterId: matter.id, trackingNumber: '2026-ICFO-01234', size: raw.length });
    expect((await store.rawOfMail(kept!.sha256)).equals(raw)).toBe(true);
    const proposals = (await store.listLetterProposals()).filter((p) => p.mailSha256 === kept!.sha256);
    expect(proposals.map((p) => [p.event.type, p.itemId]).sort()).toEqual([
      ['acknowledged', iceId],
      ['extension_notice', iceId],
      ['received', iceId],
    ]);
    expect(proposals.some((p) => p.itemId === irsId)).toBe(false);
  });

  it('an object the bucket does not have fails the invocation (SES retries it), and nothing is stored', async () => {
    const before = await store.listMail();
    await expect(handler(receipt('never0stored0000000000000000000'))).rejects.toMatchObject({ name: 'NoSuchKey' });
    expect(s3.requests.at(-1)).toMatchObject({ bucket: BUCKET, key: 'inbound/never0stored0000000000000000000' });
    expect(await store.listMail()).toEqual(before);
  });

  it('a MIME bomb is refused and left in the bucket: the invocation succeeds, nothing is stored', async () => {
    const before = await store.listMail();
    const bomb = Buffer.from(`From: a@b.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(500)}--b--\r\n`);
    s3.put(BUCKET, 'inbound/bomb0000000000000000000000000', bomb);
    await expect(handler(receipt('bomb0000000000000000000000000'))).resolves.toBeUndefined();
    expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', key: 'inbound/bomb0000000000000000000000000' });
    expect(await store.listMail()).toEqual(before);
  });
});
