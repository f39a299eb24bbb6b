/**
 * The local runtime's mail transport: nodemailer's SMTP client, to the embedded mail server.
 * Installed into functions/lib/mail.ts by the local runtime, so only the local twin carries an
 * SMTP client; deployed, the same composed message goes through SES.
 */
import { createTransport } from 'nodemailer';
import type { MailTransport } from '../functions/lib/mail';

export function smtpTransport(url: string): MailTransport {
  const smtp = createTransport(url);
  return async (raw, envelope) => {
    await smtp.sendMail({ envelope, raw });
  };
}
