/**
 * The deployed delivery path: the reminder sweep with its default delivery (NOTIFY_TOPIC_ARN
 * set, as on AWS) publishes through the real SNSClient to a stand-in that speaks SNS's API.
 * What is sent is asserted field by field: the topic, the ASCII subject, the text with its
 * link, and the `recipient` and `kind` attributes the email subscriptions filter on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matter } from '../../core/model';
import { startSnsStandIn, type SnsStandIn } from '../support/sns-stand-in';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:docketwatch-notify';
const SITE = 'https://docketwatch.example.org';
let sns: SnsStandIn;
let runSweep: typeof import('../../functions/lib/reminder-sweep').runSweep;
let fixtures: typeof import('../support/reminders');
let matter: Matter;

beforeAll(async () => {
  sns = await startSnsStandIn();
  // What the CDK stack sets on the sweep function; read by the handler modules at import.
  Object.assign(process.env, { NOTIFY_TOPIC_ARN: TOPIC, AWS_ENDPOINT_URL_SNS: sns.endpoint, PUBLIC_BASE_URL: SITE });
  ({ runSweep } = await import('../../functions/lib/reminder-sweep'));
  fixtures = await import('../support/reminders');
  matter = await fixtures.seedMatter();
});
afterAll(() => sns?.close());

describe('SNS delivery', () => {
  it('publishes one signed message per person, with the attributes subscriptions filter on', async () => {
    const { item, deadlines } = await fixtures.seedItem(matter, [fixtures.FOIA_MARCH], { title: 'FOIA request to IRS – “ITIN” records' });
    // 08:30 EDT on Monday 16 March: D-14 of the 30 March deadline.
    const report = await runSweep({ at: new Date('2026-03-16T12:30:00Z') });
    expect(report.failed).toBe(0);
    const reminders = sns.published.filter((p) => p.attributes.kind?.StringValue === 'reminder');
    // Deliveries run concurrently: compare as sets.
    const byRecipient = (a: { StringValue: string }, b: { StringValue: string }) => a.StringValue.localeCompare(b.StringValue);
    expect(reminders.map((p) => p.attributes.recipient!).sort(byRecipient)).toEqual(matter.team.map((p) => ({ DataType: 'String', StringValue: p.id })).sort(byRecipient));
    for (const p of reminders) {
      expect(p.topicArn).toBe(TOPIC);
      expect(p.form.Action).toBe('Publish');
      expect(Object.keys(p.attributes).sort()).toEqual(['kind', 'recipient']);
      // ASCII only: the en dash and curly quotes of the title are replaced.
      expect(p.subject).toBe(`Reminder: Agency response due - 2026-03-30 (in 14 days) - FOIA request to IRS - ITIN records`);
      expect(p.message).toContain(`${SITE}/dashboard#item=${item.id}`);
      expect(p.message).toContain('How this date was computed:');
      // Signed by the real client, for SNS in the configured region.
      expect(p.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/sns\/aws4_request,/);
    }
    expect(report.sent.filter((s) => s.deadlineId === deadlines[0]!.id).map((s) => s.recipient).sort()).toEqual(matter.team.map((p) => p.id).sort());
  });

  it('keeps a send pending when SNS refuses it, and the next sweep delivers it once', async () => {
    const own = await fixtures.seedMatter({ team: [{ id: 'solo-counsel', name: 'Solo', email: 'solo@example.org', role: 'Counsel' }] });
    const { deadlines } = await fixtures.seedItem(own, [fixtures.FOIA_MARCH], { watchers: [] });
    const before = sns.published.length;
    // Every Publish of this sweep fails (the SDK's own retries included).
    sns.failNext(1000, 500, 'InternalError');
    const refused = await runSweep({ at: new Date('2026-03-23T12:30:00Z') });
    sns.failNext(0);
    expect(refused.failed).toBeGreaterThan(0);
    expect(refused.sent.filter((s) => s.deadlineId === deadlines[0]!.id)).toEqual([]);
    expect(sns.published.length).toBe(before);

    // Past the claim's lease: the pending send goes out, marked as retried, exactly once.
    const later = await runSweep({ at: new Date('2026-03-23T13:30:00Z') });
    const mine = later.sent.filter((s) => s.deadlineId === deadlines[0]!.id);
    expect(mine.map((s) => [s.rung, s.recipient, s.retried])).toEqual([['D-7', own.team[0]!.id, true]]);
    const delivered = sns.published.slice(before).filter((p) => p.attributes.recipient?.StringValue === own.team[0]!.id && p.attributes.kind?.StringValue === 'reminder');
    expect(delivered.map((p) => p.subject)).toEqual([expect.stringMatching(/^Reminder: Agency response due - 2026-03-30 \(in 7 days\)/)]);
    const again = await runSweep({ at: new Date('2026-03-23T14:30:00Z') });
    expect(again.sent.filter((s) => s.deadlineId === deadlines[0]!.id)).toEqual([]);
  });
});
