/**
 * Delivery of one notification as an e-mail to one person of the matter's team, with a plain-text
 * and an HTML part (core/mail.ts). The message is composed once, as MIME, and handed to the
 * transport as it is: deployed, Amazon SES (v2 SendEmail, raw content, through the configuration
 * set whose event destination reports bounces and complaints); locally, SMTP to the embedded
 * server of the local runtime (SMTP_URL), which keeps every message it is given.
 *
 * The Message-ID comes from the notification id, so a send retried after a crash between the
 * send and the ledger's mark carries the same Message-ID as the first: the one possible
 * duplicate is recognisable as one.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createTransport } from 'nodemailer';
import { mailContent } from '../../core/mail';
import type { NotificationKind } from '../../core/reminders';
import { ses } from './ses-client';
import { config } from './config';

export interface OutboundMessage {
  notificationId: string;
  kind: NotificationKind;
  rung: string;
  /** Person id (the ledger's recipient). */
  recipient: string;
  /** That person's e-mail address, from the matter's team when the send was claimed. */
  address: string;
  itemId: string | null;
  deadlineId: string | null;
  subject: string;
  text: string;
}

export interface Delivered {
  /** The Message-ID header of what was sent. */
  messageId: string;
}

export type Deliver = (m: OutboundMessage) => Promise<Delivered | void>;

export class MailNotConfiguredError extends Error {
  override readonly name = 'MailNotConfiguredError';
}

export const messageIdOf = (notificationId: string) => `<${notificationId}@docketwatch.notifications>`;

/** The message as MIME: From, To, Subject, both parts, and the urgency headers of an alert. */
export async function composeMail(m: OutboundMessage): Promise<{ raw: Buffer; messageId: string }> {
  if (!m.address) throw new Error(`no e-mail address for recipient ${m.recipient}`);
  const content = mailContent(m);
  const messageId = messageIdOf(m.notificationId);
  const raw = await new MailComposer({
    from: config.mailFrom,
    to: m.address,
    subject: content.subject,
    text: content.text,
    html: content.html,
    messageId,
    headers: {
      'X-Docketwatch-Kind': m.kind,
      'X-Docketwatch-Rung': m.rung,
      ...(content.urgent ? { Importance: 'high', 'X-Priority': '1 (Highest)' } : {}),
    },
  })
    .compile()
    .build();
  return { raw, messageId };
}

/** The sending address alone (SES wants it apart from the raw message). */
function fromAddress(): string {
  return /<([^>]+)>\s*$/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
}

const viaSes: Deliver = async (m) => {
  const { raw, messageId } = await composeMail(m);
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: fromAddress(),
      ...(config.sesIdentityArn ? { FromEmailAddressIdentityArn: config.sesIdentityArn } : {}),
      Destination: { ToAddresses: [m.address] },
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: config.sesConfigurationSet,
      EmailTags: [{ Name: 'kind', Value: m.kind }],
    }),
  );
  return { messageId };
};

let smtp: ReturnType<typeof createTransport> | undefined;
const viaSmtp: Deliver = async (m) => {
  const { raw, messageId } = await composeMail(m);
  smtp ??= createTransport(config.smtpUrl);
  await smtp.sendMail({ envelope: { from: fromAddress(), to: [m.address] }, raw });
  return { messageId };
};

export const sendMail: Deliver = (m) => {
  if (config.smtpUrl) return viaSmtp(m);
  if (config.sesConfigurationSet) return viaSes(m);
  throw new MailNotConfiguredError('Neither SMTP_URL nor SES_CONFIGURATION_SET is set: there is no way to send mail');
};
