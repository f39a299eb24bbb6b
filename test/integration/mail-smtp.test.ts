/**
 * Reminders as real e-mail, locally: the sweep with its default delivery sends over SMTP (the
 * real nodemailer client) to the local runtime's embedded SMTP server, which keeps each message
 * in DATA_DIR/mail/sent/. The kept messages are parsed with mailparser and read as a recipient
 * would: who it is to, the subject, the plain-text and HTML parts, the link to the item.
 * Repeated and concurrent sweeps still deliver each message once.
 */
import { readFileSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matter } from '../../core/model';
import { listMessages } from '../../local/mail-server';
import type { LocalStack } from '../../local/runtime';
import { testStack } from '../support/stack';

let stack: LocalStack;
let runSweep: typeof import('../../functions/lib/reminder-sweep').runSweep;
let fixtures: typeof import('../support/reminders');
let listNotifications: typeof import('../../functions/lib/notification-log').listNotifications;

beforeAll(async () => {
  stack = await testStack({ clockStart: '2026-03-02T15:00:00Z' });
  ({ runSweep } = await import('../../functions/lib/reminder-sweep'));
  ({ listNotifications } = await import('../../functions/lib/notification-log'));
  fixtures = await import('../support/reminders');
});
afterAll(() => stack?.stop());

/** D-7 of FOIA_MARCH (due 2026-03-30): 2026-03-23 08:00 EDT. */
const T = '2026-03-23T12:30:00.000Z';
const plus = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000);

async function received(): Promise<ParsedMail[]> {
  return Promise.all(listMessages(stack.mail.sentDir).map((f) => simpleParser(readFileSync(f))));
}
const toAddress = (m: ParsedMail) => [m.to].flat().flatMap((a) => a?.value ?? []).map((v) => v.address);
const ofMatter = (all: ParsedMail[], matter: Matter) => all.filter((m) => toAddress(m).some((a) => matter.team.some((p) => p.email === a)));

describe('reminders over SMTP to the local mail server', () => {
  it('each person gets one message with both parts, the rule, the receipt and the link', async () => {
    const matter = await fixtures.seedMatter();
    const { item } = await fixtures.seedItem(matter, [fixtures.FOIA_MARCH], { title: 'FOIA request to IRS: ITIN records' });
    const report = await runSweep({ at: new Date(T) });
    expect(report.failed).toBe(0);

    const mine = ofMatter(await received(), matter).filter((m) => m.subject?.startsWith('Reminder:'));
    expect(mine.map((m) => toAddress(m)[0]).sort()).toEqual(matter.team.map((p) => p.email).sort());
    const link = `${stack.url}/dashboard#item=${item.id}`;
    for (const m of mine) {
      expect(m.subject).toBe('Reminder: Agency response due - 2026-03-30 (in 7 days) - FOIA request to IRS: ITIN records');
      expect(m.from?.value[0]?.address).toBe('notifications@docketwatch.localhost');
      expect(m.text).toContain('Agency response due is due Monday, March 30, 2026 (ends 11:59 pm court time).');
      expect(m.text).toContain('How this date was computed:');
      expect(m.text).toContain('5 U.S.C. 552(a)(6)(A)(i)');
      expect(m.text).toContain(`Open the item: ${link}`);
      // The HTML part says the same, with the link as a link.
      expect(m.html).toBeTypeOf('string');
      const html = m.html as string;
      expect(html).toContain(`<a href="${link}">Open the item in Docketwatch</a>`);
      expect(html).toContain('How this date was computed:');
      expect(html).toContain('<li>');
      expect(m.headerLines.map((h) => h.key)).not.toContain('importance');
      expect(m.messageId).toMatch(/^<[0-9A-Z]{26}@docketwatch\.notifications>$/);
    }
    // The notifications the dashboard lists say each went out by e-mail, with its Message-ID.
    const page = await listNotifications({ itemId: item.id, limit: 10 });
    expect(page.notifications.map((n) => n.messageId).sort()).toEqual(mine.map((m) => m.messageId).sort());
    expect(page.notifications.every((n) => n.channel === 'email')).toBe(true);
  });

  it('a disclosure notice alert is marked urgent in its headers and its HTML part', async () => {
    const matter = await fixtures.seedMatter({ team: [{ id: 'on-call-x', name: 'On call', email: 'oncall-x@example.org', role: 'Counsel' }] });
    await fixtures.seedItem(
      matter,
      [{ rule: 'frcp6.hours', trigger: '2026-03-23T08:00:00-04:00', params: { hours: 24, purpose: 'disclosure_notice' } }],
      { kind: 'disclosure_notice', title: 'Notice of intended disclosure', watchers: [] },
    );
    await runSweep({ at: plus(1) });
    const [alert] = ofMatter(await received(), matter).filter((m) => m.subject?.startsWith('Urgent:'));
    expect(alert).toBeDefined();
    expect(toAddress(alert!)).toEqual(['oncall-x@example.org']);
    expect(alert!.headerLines.map((h) => h.line)).toContain('Importance: high');
    expect(alert!.html).toContain('Urgent: act before this window closes.');
    expect(alert!.text).toContain('A new hour deadline:');
  });

  it('repeated and concurrent sweeps deliver each message once', async () => {
    const matter = await fixtures.seedMatter();
    for (let i = 0; i < 3; i++) await fixtures.seedItem(matter, [fixtures.FOIA_MARCH]);
    await Promise.all([runSweep({ at: plus(2) }), runSweep({ at: plus(2) }), runSweep({ at: plus(2) })]);
    for (let i = 1; i <= 2; i++) await runSweep({ at: plus(2 + i * 20) });
    const mine = ofMatter(await received(), matter);
    // 3 items x 3 people (D-7) and one digest each.
    expect(mine.filter((m) => m.subject?.startsWith('Reminder:'))).toHaveLength(9);
    expect(mine.filter((m) => m.subject?.startsWith('Docketwatch digest'))).toHaveLength(3);
    const ids = mine.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = mine.map((m) => `${toAddress(m)[0]}|${m.subject}|${/item=(\w+)/.exec(m.text ?? '')?.[1] ?? 'digest'}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
