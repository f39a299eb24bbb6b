/**
 * The drop folder `DATA_DIR/mail/inbox/`: each file put there is one raw e-mail message, read
 * through the same intake as the API and SES. A file is taken once it is complete: write it
 * under a name starting with "." (or ending ".tmp") and rename it, as mail programs deliver to a
 * Maildir. What was kept moves to `mail/read/`; a message refused before parsing moves to
 * `mail/refused/` with a note of why; a file whose intake failed stays for the next start.
 *
 * The embedded SMTP server's mailbox for the intake address goes to the same intake.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { MailboxRefusal, type Mailbox } from './mail-server';

export type InboxResult = { file: string; outcome: 'read'; detail: unknown } | { file: string; outcome: 'refused' | 'failed'; reason: string };

export interface MailInbox {
  dir: string;
  /** What became of `file` (waits for it to be taken). */
  settled(file: string): Promise<InboxResult>;
  stop(): Promise<void>;
}

const PENDING = (name: string) => name.startsWith('.') || name.endsWith('.tmp');

export function startMailInbox(dataDir: string, deliver: (raw: Buffer) => Promise<unknown>, isRefusal: (err: unknown) => boolean): MailInbox {
  const root = join(dataDir, 'mail');
  const dir = join(root, 'inbox');
  for (const d of ['inbox', 'read', 'refused']) mkdirSync(join(root, d), { recursive: true });
  const results = new Map<string, InboxResult>();
  const waiting = new Map<string, ((r: InboxResult) => void)[]>();
  const queued = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  const finish = (r: InboxResult) => {
    results.set(r.file, r);
    for (const resolve of waiting.get(r.file) ?? []) resolve(r);
    waiting.delete(r.file);
  };

  const take = async (file: string): Promise<void> => {
    const path = join(dir, file);
    let raw: Buffer;
    try {
      if (!statSync(path).isFile()) return;
      raw = readFileSync(path);
    } catch {
      return; // Gone already (taken by an earlier event for the same name).
    }
    try {
      const detail = await deliver(raw);
      renameSync(path, join(root, 'read', file));
      finish({ file, outcome: 'read', detail });
    } catch (err) {
      if (isRefusal(err)) {
        const reason = (err as Error).message;
        renameSync(path, join(root, 'refused', file));
        writeFileSync(join(root, 'refused', `${file}.reason.txt`), `${reason}\n`);
        finish({ file, outcome: 'refused', reason });
      } else {
        console.error(`mail/inbox/${file} not read: ${(err as Error).name}`);
        finish({ file, outcome: 'failed', reason: (err as Error).message });
      }
    }
  };

  const enqueue = (file: string | null) => {
    if (!file || stopped || PENDING(file) || queued.has(file)) return;
    queued.add(file);
    chain = chain.then(() => take(file)).finally(() => queued.delete(file));
  };

  const watcher: FSWatcher = watch(dir, (_event, file) => enqueue(file));
  for (const file of readdirSync(dir).sort()) enqueue(file);

  return {
    dir,
    settled(file) {
      const done = results.get(file);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiting.set(file, [...(waiting.get(file) ?? []), resolve]));
    },
    async stop() {
      stopped = true;
      watcher.close();
      await chain;
    },
  };
}

/** What a mail intake refuses before parsing: how large it was, or what else is wrong. */
export type Refusal = { tooLarge: boolean; reason: string };

/**
 * The SMTP server's mailbox for the intake address (mail the app receives, never the `sent`
 * store): each message goes to the intake before the server answers, so a 250 means it is kept,
 * and a message the intake refuses gets a permanent error reply (552 too large, 554 otherwise).
 */
export function intakeMailbox(address: string, deliver: (raw: Buffer) => Promise<unknown>, refusalOf: (err: unknown) => Refusal | undefined): Mailbox {
  const intake = address.toLowerCase();
  return {
    name: 'intake',
    accepts: (a) => a === intake,
    async deliver(mail) {
      try {
        await deliver(mail.raw);
      } catch (err) {
        const refused = refusalOf(err);
        if (refused) throw new MailboxRefusal(`Refused: ${refused.reason}; nothing was stored`, refused.tooLarge ? 552 : 554);
        throw err;
      }
    },
  };
}
