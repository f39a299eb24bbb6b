/**
 * The deployed delivery path: the reminder sweep with its default delivery (SES_CONFIGURATION_SET
 * set and no SMTP_URL, as on AWS) sends through the real SESv2Client to a stand-in that speaks
 * SES's API. What is sent is asserted field by field: the sending identity, the configuration
 * set, one recipient address from the matter's team, and the raw message (parsed with mailparser:
 * subject, both parts, the link).
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matter } from '../../core/model';
import { startSesStandIn, type SesStandIn } from '../support/ses-stand-in';

const SITE = 'https://docketwatch.example.org';
const IDENTITY_ARN = 'arn:aws:ses:us-east-1:123456789012:identity/docketwatch.example.org';
const CONFIGURATION_SET = 'docketwatch-notifications';
let ses: SesStandIn;
let runSweep: typeof import('../../functions/lib/reminder-sweep').runSweep;
let fixtures: typeof import('../support/reminders');
let matter: Matter;

beforeAll(async () => {
  ses = await startSesStandIn();
  // What the CDK stack sets on the sweep function; read by the handler modules at import.
  delete process.env.SMTP_URL;
  Object.assign(process.env, {
    MAIL_FROM: 'Docketwatch <reminders@docketwatch.example.org>',
    SES_CONFIGURATION_SET: CONFIGURATION_SET,
    SES_IDENTITY_ARN: IDENTITY_ARN,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    PUBLIC_BASE_URL: SITE,
  });
  ({ runSweep } = await import('../../functions/lib/reminder-sweep'));
  fixtures = await import('../support/reminders');
  matter = await fixtures.seedMatter();
});
afterAll(() => ses?.close());

describe('SES delivery', () => {
  it('sends one signed SendEmail per person, through the configuration set, with the raw message', async () => {
    const { item, deadlines } = await fixtures.seedItem(matter, [fixtures.FOIA_MARCH], { title: 'FOIA request to IRS – “ITIN” records' });
    // 08:30 EDT on Monday 16 March: D-14 of the 30 March deadline.
    const report = await runSweep({ at: new Date('2026-03-16T12:30:00Z') });
    expect(report.failed).toBe(0);
    const reminders = ses.sent.filter((s) => s.body.EmailTags?.some((t) => t.Name === 'kind' && t.Value === 'reminder'));
    expect(reminders.map((s) => s.body.Destination?.ToAddresses).sort()).toEqual(matter.team.map((p) => [p.email]).sort());
    for (const s of reminders) {
      expect(s.body.FromEmailAddress).toBe('reminders@docketwatch.example.org');
      expect(s.body.FromEmailAddressIdentityArn).toBe(IDENTITY_ARN);
      expect(s.body.ConfigurationSetName).toBe(CONFIGURATION_SET);
      // Signed by the real client, for SES in the configured region.
      expect(s.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/ses\/aws4_request,/);
      const mail = await simpleParser(Buffer.from(s.body.Content!.Raw!.Data!, 'base64'));
      expect([mail.to].flat().flatMap((a) => a?.value ?? []).map((v) => v.address)).toEqual(s.body.Destination!.ToAddresses);
      // Unicode subjects travel as they are (MIME encoded words).
      expect(mail.subject).toBe('Reminder: Agency response due - 2026-03-30 (in 14 days) - FOIA request to IRS – “ITIN” records');
      expect(mail.text).toContain(`Open the item: ${SITE}/dashboard#item=${item.id}`);
      expect(mail.text).toContain('How this date was computed:');
      expect(mail.html).toContain(`<a href="${SITE}/dashboard#item=${item.id}">Open the item in Docketwatch</a>`);
    }
    expect(report.sent.filter((s) => s.deadlineId === deadlines[0]!.id).map((s) => s.recipient).sort()).toEqual(matter.team.map((p) => p.id).sort());
  });

  it('keeps a send pending when SES refuses it, and the next sweep delivers it once', async () => {
    const own = await fixtures.seedMatter({ team: [{ id: 'solo-counsel', name: 'Solo', email: 'solo@example.org', role: 'Counsel' }] });
    const { deadlines } = await fixtures.seedItem(own, [fixtures.FOIA_MARCH], { watchers: [] });
    const before = ses.sent.length;
    // Every SendEmail of this sweep fails (the SDK's own retries included).
    ses.failNext(1000, 500, 'InternalFailure');
    const refused = await runSweep({ at: new Date('2026-03-23T12:30:00Z') });
    ses.failNext(0);
    expect(refused.failed).toBeGreaterThan(0);
    expect(refused.sent.filter((s) => s.deadlineId === deadlines[0]!.id)).toEqual([]);
    expect(ses.sent.length).toBe(before);

    // Past the claim's lease: the pending send goes out, marked as retried, exactly once.
    const later = await runSweep({ at: new Date('2026-03-23T13:30:00Z') });
    const mine = later.sent.filter((s) => s.deadlineId === deadlines[0]!.id);
    expect(mine.map((s) => [s.rung, s.recipient, s.retried])).toEqual([['D-7', own.team[0]!.id, true]]);
    const delivered = ses.sent.slice(before).filter((s) => s.body.Destination?.ToAddresses?.[0] === 'solo@example.org' && s.body.EmailTags?.some((t) => t.Value === 'reminder'));
    expect(delivered).toHaveLength(1);
    const again = await runSweep({ at: new Date('2026-03-23T14:30:00Z') });
    expect(again.sent.filter((s) => s.deadlineId === deadlines[0]!.id)).toEqual([]);
  });
});
