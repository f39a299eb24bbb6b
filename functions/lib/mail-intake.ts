/**
 * One path for every message that arrives (the API, the local drop folder and SMTP server, SES
 * receiving): refuse what must not be parsed; else read it, keep it once, and pass it on. A
 * court notice goes to the docket intake of the matter tracking that case; an agency letter
 * becomes proposed events on the record request it belongs to; anything else is kept and
 * listed as unrecognised with the reason. Nothing that arrived whole is dropped.
 */
import { monotonicFactory } from 'ulid';
import { eventBody, LetterDateError, matchRequest, type LetterEvent, type Match, type RequestFacts } from '../../core/letters';
import type { DocketEntry } from '../../core/docket';
import type { Matter } from '../../core/model';
import { receive } from './docket-intake';
import { hooksOfMatter, type HookSummary } from './hooks-store';
import { getItemBundle } from './item-store';
import { logger } from './logger';
import { MailRefusedError, sha256, type ParsedMessage } from './mail-parse';
import { readMail } from './mail-read';
import { DuplicateMailError, getMail, mailOfMessageId, putMail, type LetterProposal, type MailVia, type StoredMail } from './mail-store';
import { getMatter, itemsOfMatter, listMatters } from './matter-store';

const proposalId = monotonicFactory();
/** The docket chain keeps a notice in one item, as the webhook bodies. */
const MAX_NEF_BYTES = 256 * 1024;

export interface MailArrival {
  raw: Buffer;
  via: MailVia;
  receivedAt: Date;
  /** Sent with a matter's inbound secret: the message is that matter's. */
  hook?: HookSummary;
}

export interface MailOutcome {
  status: 'stored' | 'duplicate';
  mail: StoredMail;
}

export { MailRefusedError };

export async function receiveMail(arrival: MailArrival): Promise<MailOutcome> {
  const sha = sha256(arrival.raw);
  const seen = await getMail(sha);
  if (seen) return { status: 'duplicate', mail: seen };
  let read;
  let refusedDate: string | undefined;
  try {
    read = await readMail(arrival.raw, arrival.receivedAt.toISOString().slice(0, 10));
  } catch (err) {
    if (!(err instanceof LetterDateError)) throw err;
    refusedDate = err.message;
  }
  const message: ParsedMessage | undefined = read?.message;
  if (message?.messageId) {
    const first = await mailOfMessageId(message.messageId);
    if (first) return { status: 'duplicate', mail: (await getMail(first))! };
  }
  const base = {
    sha256: sha,
    ...(message?.messageId ? { messageId: message.messageId } : {}),
    via: arrival.via,
    receivedAt: arrival.receivedAt.toISOString(),
    size: arrival.raw.length,
    ...(message?.from ? { from: message.from } : {}),
    ...(message?.subject ? { subject: message.subject.slice(0, 500) } : {}),
    ...(arrival.hook ? { matterId: arrival.hook.matterId } : {}),
    proposalIds: [] as string[],
  };
  try {
    if (!read) return stored(await putMail({ ...base, kind: 'unrecognised', reason: `refused as a letter: ${refusedDate}` }, arrival.raw, []));
    if (read.kind === 'unrecognised') return stored(await putMail({ ...base, kind: 'unrecognised', reason: read.reason }, arrival.raw, []));
    if (read.kind === 'nef') return stored(await nef(base, arrival, read.entry));
    const letter = read.letter;
    const match = await matchLetter(letter, read.message, arrival.hook?.matterId);
    const createdAt = arrival.receivedAt.toISOString();
    const proposals: LetterProposal[] = letter.events.map((e: LetterEvent) => ({
      id: proposalId(),
      mailSha256: sha,
      ...(match.matterId ? { matterId: match.matterId } : {}),
      ...(match.itemId ? { itemId: match.itemId } : {}),
      candidates: match.candidates,
      ...(match.candidateMatters ? { candidateMatters: match.candidateMatters } : {}),
      why: match.why,
      event: eventBody(e),
      evidence: e.evidence,
      ...(e.agency ? { agency: e.agency } : {}),
      createdAt,
      status: 'pending',
      version: 1,
    }));
    return stored(
      await putMail(
        {
          ...base,
          kind: 'letter',
          ...(match.matterId ? { matterId: match.matterId } : {}),
          ...(match.itemId ? { itemId: match.itemId } : {}),
          candidates: match.candidates,
          ...(match.candidateMatters ? { candidateMatters: match.candidateMatters } : {}),
          why: match.why,
          ...(letter.agency ? { agency: letter.agency } : {}),
          ...(letter.trackingNumber ? { trackingNumber: letter.trackingNumber } : {}),
          ...(read.notes.length ? { reason: read.notes.join('; ') } : {}),
          proposalIds: proposals.map((p) => p.id),
        },
        arrival.raw,
        proposals,
      ),
    );
  } catch (err) {
    if (err instanceof DuplicateMailError) return { status: 'duplicate', mail: (await getMail(err.sha256))! };
    throw err;
  }
}

const stored = (mail: StoredMail): MailOutcome => ({ status: 'stored', mail });

type MailBase = Omit<StoredMail, 'kind' | 'chunks'>;

/** A court notice: to the docket intake of the matter whose docket hook covers its case. */
async function nef(base: MailBase, arrival: MailArrival, entry: DocketEntry): Promise<StoredMail> {
  const hook = arrival.hook ?? (await hookForCase(entry.caseNumber));
  if (!hook) return putMail({ ...base, kind: 'unrecognised', reason: `a court notice for case ${entry.caseNumber ?? '(no number)'}, which no matter with a live docket hook tracks` }, arrival.raw, []);
  if (arrival.raw.length > MAX_NEF_BYTES) return putMail({ ...base, matterId: hook.matterId, kind: 'unrecognised', reason: `a court notice of ${arrival.raw.length} bytes; the docket keeps notices of at most ${MAX_NEF_BYTES}` }, arrival.raw, []);
  // Kept in the mailbox first, so the notice is listed even if the docket's reading fails.
  const mail = await putMail({ ...base, matterId: hook.matterId, kind: 'nef' }, arrival.raw, []);
  const read = await receive({ matterId: hook.matterId, source: 'nef', body: arrival.raw.toString('utf8'), receivedAt: arrival.receivedAt, hookId: hook.id, idempotencyKey: `mail:${base.sha256}` }, { side: hook.side, usParty: hook.usParty, court: hook.court }, hook.docketId).catch((err: Error) => {
    logger.error('docket intake of a mailed notice failed', { errorName: err.name });
    return undefined;
  });
  return { ...mail, ...(read ? { docketSeq: read.seq } : {}) };
}

/** "1:25-cv-00457" against a matter's "D.D.C. No. 1:25-cv-00457-CKK". */
const caseCore = (n: string) => /\d:\d{2}-[a-z]{2}-\d{3,5}|\d{2}-\d{4}/i.exec(n)?.[0]?.toLowerCase();

async function hookForCase(caseNumber: string | undefined): Promise<HookSummary | undefined> {
  const core = caseNumber ? caseCore(caseNumber) : undefined;
  if (!core) return undefined;
  for (const matter of await listMatters()) {
    if (!matter.docket || caseCore(matter.docket) !== core) continue;
    const live = (await hooksOfMatter(matter.id)).find((h) => !h.revokedAt);
    if (live) return live;
  }
  return undefined;
}

async function matchLetter(letter: { trackingNumber?: string; agency?: string; letterDate: string; events: LetterEvent[] }, message: ParsedMessage, matterId: string | undefined): Promise<Match> {
  const matters = matterId ? [await getMatter(matterId)].filter((m): m is Matter => Boolean(m)) : await listMatters();
  const requests: RequestFacts[] = [];
  for (const matter of matters) {
    for (const item of await itemsOfMatter(matter.id)) {
      if (item.kind !== 'foia' && item.kind !== 'privacy_act') continue;
      const bundle = await getItemBundle(item.id);
      const ack = bundle?.events.filter((e) => e.type === 'acknowledged').at(-1);
      requests.push({
        id: item.id,
        matterId: item.matterId,
        status: item.status,
        ...(item.agency ? { agency: item.agency } : {}),
        ...(typeof ack?.data.trackingNumber === 'string' ? { trackingNumber: ack.data.trackingNumber } : {}),
        receivedAt: item.receivedAt,
        ...(item.request?.requester.email ? { requesterEmail: item.request.requester.email } : {}),
        teamEmails: matter.team.map((p) => p.email).filter((e): e is string => Boolean(e)),
      });
    }
  }
  const receivedOn = letter.events.find((e) => e.type === 'received')?.at;
  const addresses = [message.from, message.forwarded?.from, ...message.to].filter((a): a is string => Boolean(a));
  return matchRequest({ ...(letter.trackingNumber ? { trackingNumber: letter.trackingNumber } : {}), ...(letter.agency ? { agency: letter.agency } : {}), letterDate: letter.letterDate, ...(receivedOn ? { receivedOn } : {}), addresses }, requests);
}
