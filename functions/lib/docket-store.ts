/**
 * What the docket sent: raw input (append-only, hash-chained per matter, each Idempotency-Key
 * once) and the entries read from it (each once, with its proposals, in one transaction).
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { chainRaw, RAW_GENESIS, type RawRecord, type StoredEntry, type StoredProposal } from '../../core/docket/queue';
import { ddb } from './clients';
import { IS_NEW, queryAll, TableName, transactionLost } from './db';
import { deliverySk, docketPk, ENTRY_SK_PREFIX, entrySk, fromRecord, proposalPointerKey, proposalSk, RAW_HEAD_SK, RAW_SK_PREFIX, rawSk, UNREAD_SK_PREFIX, unreadSk } from './keys';
/** The chain head moves only from the sequence number the new record was chained to. */
const HEAD_UNCHANGED = 'attribute_not_exists(PK) OR seq = :prev';

export class DuplicateDeliveryError extends Error {
  override name = 'DuplicateDeliveryError';
  constructor(readonly seq: number) {
    super('This Idempotency-Key was received already');
  }
}

async function rawHead(matterId: string): Promise<{ seq: number; hash: string }> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: docketPk(matterId), SK: RAW_HEAD_SK }, ConsistentRead: true }));
  return Item ? { seq: Number(Item.seq), hash: String(Item.hash) } : { seq: 0, hash: RAW_GENESIS };
}

async function deliverySeq(matterId: string, key: string): Promise<number | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: docketPk(matterId), SK: deliverySk(key) }, ConsistentRead: true }));
  return Item ? Number(Item.seq) : undefined;
}

/**
 * Appends what arrived to the matter's chain, with its Idempotency-Key (once), in one
 * transaction; races with another arrival are retried on the new head. Throws
 * DuplicateDeliveryError when the key was received before.
 */
export async function appendRaw(input: Omit<RawRecord, 'seq' | 'prevHash' | 'hash' | 'bodySha256' | 'outcome' | 'reason'>): Promise<RawRecord> {
  for (let attempt = 1; ; attempt++) {
    if (input.idempotencyKey) {
      const seen = await deliverySeq(input.matterId, input.idempotencyKey);
      if (seen !== undefined) throw new DuplicateDeliveryError(seen);
    }
    const head = await rawHead(input.matterId);
    const record = chainRaw(head, input);
    const pk = docketPk(input.matterId);
    try {
      await ddb.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...record, PK: pk, SK: rawSk(record.seq) }, ConditionExpression: IS_NEW } },
            // Until it is read, the record is listed as unread, so a later arrival can read it.
            { Put: { TableName, Item: { PK: pk, SK: unreadSk(record.seq), seq: record.seq }, ConditionExpression: IS_NEW } },
            {
              Put: {
                TableName,
                Item: { PK: pk, SK: RAW_HEAD_SK, seq: record.seq, hash: record.hash },
                ConditionExpression: HEAD_UNCHANGED,
                ExpressionAttributeValues: { ':prev': head.seq },
              },
            },
            ...(input.idempotencyKey
              ? [{ Put: { TableName, Item: { PK: pk, SK: deliverySk(input.idempotencyKey), seq: record.seq, receivedAt: input.receivedAt }, ConditionExpression: IS_NEW } }]
              : []),
          ],
        }),
      );
      return record;
    } catch (err) {
      if (transactionLost(err, true) && attempt < 10) {
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        continue;
      }
      throw err;
    }
  }
}

/** What reading made of a raw record (the record itself, and its hash, stay as received); no longer unread. */
export async function markRaw(matterId: string, seq: number, outcome: 'read' | 'unrecognised', reason?: string): Promise<void> {
  const pk = docketPk(matterId);
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName,
            Key: { PK: pk, SK: rawSk(seq) },
            UpdateExpression: reason ? 'SET outcome = :o, reason = :r' : 'SET outcome = :o',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':o': outcome, ...(reason ? { ':r': reason } : {}) },
          },
        },
        { Delete: { TableName, Key: { PK: pk, SK: unreadSk(seq) } } },
      ],
    }),
  );
}

/** Raw records of a matter kept but not read (a reading that failed or never ran), oldest first. */
export async function unreadRaw(matterId: string, limit: number): Promise<RawRecord[]> {
  const pk = docketPk(matterId);
  const markers = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :u)', ExpressionAttributeValues: { ':pk': pk, ':u': UNREAD_SK_PREFIX }, ConsistentRead: true });
  const out: RawRecord[] = [];
  for (const m of markers.slice(0, limit)) {
    const { Item } = await ddb.send(new GetCommand({ TableName, Key: { PK: pk, SK: rawSk(Number(m.seq)) }, ConsistentRead: true }));
    if (Item) out.push(fromRecord<RawRecord>(Item));
  }
  return out;
}

export async function rawOfMatter(matterId: string): Promise<RawRecord[]> {
  const records = await queryAll({
    TableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :raw)',
    ExpressionAttributeValues: { ':pk': docketPk(matterId), ':raw': RAW_SK_PREFIX },
    ConsistentRead: true,
  });
  return records.map((r) => fromRecord<RawRecord>(r));
}

/**
 * Stores an entry and its proposals in one transaction, unless the entry is there already (a
 * retried delivery, or an RSS stub and its full entry). Returns whether it stored them.
 */
export async function putEntryWithProposals(entry: StoredEntry, proposals: StoredProposal[]): Promise<boolean> {
  const pk = docketPk(entry.matterId);
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { ...entry, PK: pk, SK: entrySk(entry.key) }, ConditionExpression: IS_NEW } },
          ...proposals.flatMap((p) => [
            { Put: { TableName, Item: { ...p, PK: pk, SK: proposalSk(p.id) }, ConditionExpression: IS_NEW } },
            { Put: { TableName, Item: { ...proposalPointerKey(p.id), matterId: p.matterId }, ConditionExpression: IS_NEW } },
          ]),
        ],
      }),
    );
    return true;
  } catch (err) {
    // The entry's own put is the first of the transaction: its condition failing means seen before.
    if (transactionLost(err) && (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw err;
  }
}

export async function entriesOfMatter(matterId: string): Promise<StoredEntry[]> {
  const records = await queryAll({
    TableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)',
    ExpressionAttributeValues: { ':pk': docketPk(matterId), ':e': ENTRY_SK_PREFIX },
  });
  return records.map((r) => fromRecord<StoredEntry>(r));
}

