/**
 * The local stand-in for the mail service: an embedded SMTP server (smtp-server) on 127.0.0.1.
 * What the app sends arrives here over SMTP, as it would at a real relay, and is kept as raw
 * `.eml` files in DATA_DIR/mail/sent/ (the local record of every message sent).
 *
 * Each message is handed to the mailbox of its recipients: mailboxes are tried in order, each
 * accepting the addresses it is for, and the last is the sent store, which takes every address.
 * A mailbox for an intake address (mail the app receives) goes before it and keeps its messages
 * elsewhere; a message for addresses of two mailboxes is kept by each.
 */
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { MAX_MESSAGE_BYTES } from '../core/mail-in';


export interface ReceivedMail {
  /** The envelope: MAIL FROM and the RCPT TO addresses this mailbox accepted. */
  from: string;
  to: string[];
  raw: Buffer;
  receivedAt: Date;
}

export interface Mailbox {
  name: string;
  accepts(address: string): boolean;
  deliver(mail: ReceivedMail): Promise<void>;
}

/** A mailbox's refusal of one message: the client hears this permanent SMTP reply, and nothing is kept. */
export class MailboxRefusal extends Error {
  override name = 'MailboxRefusal';
  constructor(
    message: string,
    readonly responseCode: 550 | 552 | 554,
  ) {
    super(message);
  }
}

export interface LocalMailServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  sentDir: string;
  close(): Promise<void>;
}

/** A mailbox that keeps each message as one `.eml` file in `dir`, named so that names sort by arrival. */
export function folderMailbox(name: string, dir: string, accepts: (address: string) => boolean): Mailbox {
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  return {
    name,
    accepts,
    async deliver(mail) {
      const stamp = mail.receivedAt.toISOString().replace(/[:.]/g, '-');
      const file = `${stamp}-${process.pid}-${String(seq++).padStart(6, '0')}.eml`;
      // Written aside and renamed: a reader of the folder never sees half a message.
      const partial = join(dir, `.${file}.partial`);
      writeFileSync(partial, mail.raw);
      renameSync(partial, join(dir, file));
    },
  };
}

/** The `.eml` files of a mailbox folder, oldest first. */
export function listMessages(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => join(dir, f));
}

export async function startMailServer(opts: { dataDir: string; port?: number; mailboxes?: readonly Mailbox[] }): Promise<LocalMailServer> {
  const sentDir = join(opts.dataDir, 'mail', 'sent');
  const mailboxes = [...(opts.mailboxes ?? []), folderMailbox('sent', sentDir, () => true)];
  const boxOf = (address: string) => mailboxes.find((b) => b.accepts(address.toLowerCase()));

  const server = new SMTPServer({
    // Loopback only, no TLS and no accounts: it is this machine's own relay.
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    // Over this, a message is refused at DATA: the same limit as every other way mail comes in.
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Docketwatch local mail',
    onRcptTo(address, _session, callback) {
      callback(boxOf(address.address) ? null : Object.assign(new Error(`No mailbox for ${address.address}`), { responseCode: 550 }));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const byBox = new Map<Mailbox, string[]>();
        for (const r of session.envelope.rcptTo) {
          const box = boxOf(r.address)!;
          byBox.set(box, [...(byBox.get(box) ?? []), r.address]);
        }
        const receivedAt = new Date();
        Promise.all([...byBox].map(([box, to]) => box.deliver({ from, to, raw, receivedAt }))).then(
          () => callback(),
          // A refusal is final; anything else is a failure here, which the client may retry.
          (err: Error) =>
            callback(err instanceof MailboxRefusal ? Object.assign(new Error(err.message), { responseCode: err.responseCode }) : Object.assign(new Error(`Could not keep the message: ${err.message}`), { responseCode: 451 })),
        );
      });
    },
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  // Refused or broken connections are the client's problem; the server keeps running.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    sentDir,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
