/**
 * Mail as received: each message once, append-only. Its bytes are written first (in chunks a
 * DynamoDB item can hold), then its record and its Message-ID claim and the proposals its
 * letter makes in one transaction: a message is there whole, with what reading made of it, or
 * not at all. A second delivery of the same bytes or the same Message-ID adds nothing.
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './clients';
import { IS_NEW, queryAll, TableName, transactionLost } from './db';
import { decided, putDecision } from './decisions';
import { fromRecord, INDEX, LETTER_PROPOSALS_PK, letterProposalKey, MAIL_RAW_PREFIX, MAIL_SK, MAILBOX_PK, mailPk, mailRawSk, messageIdKey } from './keys';

import type { LetterProposalStatus, MailKind, MailVia } from '../../core/mail-in';

export type { LetterProposalStatus, MailKind, MailVia };

export interface StoredMail {
  sha256: string;
  messageId?: string;
  via: MailVia;
  receivedAt: string;
  size: number;
  chunks: number;
  from?: string;
  subject?: string;
  kind: MailKind;
  reason?: string;
  /** The matter it was sent for (a per-matter secret), or the one matching found. */
  matterId?: string;
  /** Letters: the request the letter is about, or the requests a person picks from. */
  itemId?: string;
  candidates?: string[];
  /** Each candidate's matter (absent on messages stored before it was kept). */
  candidateMatters?: Record<string, string>;
  why?: string;
  agency?: string;
  trackingNumber?: string;
  proposalIds: string[];
  /** NEFs: where the docket chain keeps the message. */
  docketSeq?: number;
}

export interface LetterProposal {
  id: string;
  mailSha256: string;
  matterId?: string;
  itemId?: string;
  candidates: string[];
  /** Each candidate's matter (absent on proposals stored before it was kept). */
  candidateMatters?: Record<string, string>;
  why: string;
  /** The event as the dashboard's form would send it: {type, at, ...fields}. */
  event: Record<string, unknown>;
  evidence: string;
  agency?: string;
  createdAt: string;
  status: LetterProposalStatus;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  version: number;
}

export class DuplicateMailError extends Error {
  override name = 'DuplicateMailError';
  constructor(readonly sha256: string) {
    super('This message was received before');
  }
}

/** A chunk's bytes stay well under DynamoDB's 400 KB item limit. */
const CHUNK_BYTES = 300 * 1024;

export async function getMail(sha: string): Promise<StoredMail | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: mailPk(sha), SK: MAIL_SK }, ConsistentRead: true }));
  return Item ? fromRecord<StoredMail>(Item) : undefined;
}

/** The hash a Message-ID was first received with. */
export async function mailOfMessageId(messageId: string): Promise<string | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: messageIdKey(messageId), ConsistentRead: true }));
  return Item ? String(Item.sha256) : undefined;
}

/** Writes the raw bytes (idempotent: the same bytes under the same keys), then the record and its proposals at once. */
export async function putMail(mail: Omit<StoredMail, 'chunks'>, raw: Buffer, proposals: LetterProposal[]): Promise<StoredMail> {
  const chunks = Math.max(1, Math.ceil(raw.length / CHUNK_BYTES));
  for (let n = 0; n < chunks; n++) {
    await ddb.send(new PutCommand({ TableName, Item: { PK: mailPk(mail.sha256), SK: mailRawSk(n), bytes: raw.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES) } }));
  }
  const record: StoredMail = { ...mail, chunks };
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { ...record, PK: mailPk(mail.sha256), SK: MAIL_SK, GSI1PK: MAILBOX_PK, GSI1SK: `${mail.receivedAt}#${mail.sha256}` }, ConditionExpression: IS_NEW } },
          ...(mail.messageId ? [{ Put: { TableName, Item: { ...messageIdKey(mail.messageId), sha256: mail.sha256 }, ConditionExpression: IS_NEW } }] : []),
          ...proposals.map((p) => ({ Put: { TableName, Item: { ...p, ...letterProposalKey(p.id), GSI1PK: LETTER_PROPOSALS_PK, GSI1SK: `${p.createdAt}#${p.id}` }, ConditionExpression: IS_NEW } })),
        ],
      }),
    );
  } catch (err) {
    if (transactionLost(err)) throw new DuplicateMailError((mail.messageId && (await mailOfMessageId(mail.messageId))) || mail.sha256);
    throw err;
  }
  return record;
}

/** The message's bytes exactly as received. */
export async function rawOfMail(sha: string): Promise<Buffer> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :raw)', ExpressionAttributeValues: { ':pk': mailPk(sha), ':raw': MAIL_RAW_PREFIX }, ConsistentRead: true });
  return Buffer.concat(records.map((r) => Buffer.from(r.bytes as Uint8Array)));
}

/** Every message, newest first. */
export async function listMail(): Promise<StoredMail[]> {
  const records = await queryAll({ TableName, IndexName: INDEX.byMatter, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': MAILBOX_PK }, ScanIndexForward: false });
  return records.map((r) => fromRecord<StoredMail>(r));
}

export async function listLetterProposals(): Promise<LetterProposal[]> {
  const records = await queryAll({ TableName, IndexName: INDEX.byMatter, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': LETTER_PROPOSALS_PK }, ScanIndexForward: false });
  return records.map((r) => fromRecord<LetterProposal>(r));
}

export async function getLetterProposal(id: string): Promise<LetterProposal | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: letterProposalKey(id), ConsistentRead: true }));
  return Item ? fromRecord<LetterProposal>(Item) : undefined;
}

export async function decideLetterProposal(p: LetterProposal, to: LetterProposalStatus, fields: { at: Date; by: string; reason?: string; itemId?: string; matterId?: string }): Promise<LetterProposal> {
  const next: LetterProposal = { ...decided(p, to, fields), ...(fields.matterId ? { matterId: fields.matterId } : {}) };
  await putDecision({ ...next, ...letterProposalKey(p.id), GSI1PK: LETTER_PROPOSALS_PK, GSI1SK: `${p.createdAt}#${p.id}` }, p);
  return next;
}
