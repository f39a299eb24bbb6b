/**
 * The reminders' watch list: deadlines followed past their end. A missed one keeps alerting
 * until it is met or its item closed; the transaction that marks a deadline missed adds it here.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deadline } from '../../core/model';
import { ddb } from './clients';
import { queryAll, TableName } from './db';
import { REMIND_WATCH_PK, watchKey, watchRecord } from './keys';

export interface Watched {
  itemId: string;
  deadlineId: string;
  dueInstant: string;
}

/** Follows a deadline past its end: a missed one keeps alerting until it is met or its item closed. */
export async function watchDeadline(d: Pick<Deadline, 'id' | 'itemId' | 'dueInstant'>): Promise<void> {
  await ddb.send(new PutCommand({ TableName, Item: watchRecord(d) }));
}

export async function unwatchDeadline(w: Watched): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName, Key: watchKey(w.dueInstant, w.deadlineId) }));
}

/** Watched deadlines that ended from `from` to `to` (both included): one Query of the watch partition. */
export async function watchedBetween(from: string, to: string): Promise<Watched[]> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': REMIND_WATCH_PK, ':from': from, ':to': to } });
  return records.map((r) => ({ itemId: String(r.itemId), deadlineId: String(r.deadlineId), dueInstant: String(r.dueInstant) }));
}

/** Watched deadlines that ended before `instant`: one Query of the watch partition. */
export async function watchedEndedBefore(instant: string): Promise<Watched[]> {
  const records = await queryAll({ TableName, KeyConditionExpression: 'PK = :pk AND SK < :before', ExpressionAttributeValues: { ':pk': REMIND_WATCH_PK, ':before': instant } });
  return records.map((r) => ({ itemId: String(r.itemId), deadlineId: String(r.deadlineId), dueInstant: String(r.dueInstant) }));
}
