/** What reminders and alerts were sent: the stored notifications, newest first, with cursors. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationKind } from '../../core/reminders';
import { ddb } from './clients';
import { TableName } from './db';
import { BadCursorError } from './errors';
import { fromRecord, INDEX, notificationsPk, NOTIFICATIONS_PK } from './keys';

export interface Notification {
  id: string;
  itemId: string | null;
  deadlineId: string | null;
  kind: NotificationKind;
  rung: string;
  recipient: string;
  sentAt: string;
  subject: string;
  /** How it went out: by e-mail, with the Message-ID of what was sent. */
  channel?: 'email';
  messageId?: string;
}

export interface NotificationPage {
  notifications: Notification[];
  /** Opaque cursor for the next page, when there is one. */
  next?: string;
}


/**
 * Notifications newest first: of one item (its partition) or of all (GSI1). One Query. With
 * `recipients`, only those sent to these person ids (filtered after the page is read, so a page
 * may hold fewer than `limit`; its cursor still leads on).
 */
export async function listNotifications(opts: { itemId?: string; limit: number; cursor?: string; recipients?: ReadonlySet<string> }): Promise<NotificationPage> {
  const byItem = opts.itemId !== undefined;
  const start = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  if (start && (byItem ? start.PK !== notificationsPk(opts.itemId!) : start.GSI1PK !== NOTIFICATIONS_PK)) {
    throw new BadCursorError('The cursor belongs to another listing');
  }
  const page = await ddb.send(
    new QueryCommand({
      TableName,
      ...(byItem
        ? { KeyConditionExpression: 'PK = :pk' }
        : { IndexName: INDEX.byMatter, KeyConditionExpression: 'GSI1PK = :pk' }),
      ExpressionAttributeValues: {
        ':pk': byItem ? notificationsPk(opts.itemId!) : NOTIFICATIONS_PK,
        ...Object.fromEntries([...(opts.recipients ?? [])].map((r, i) => [`:r${i}`, r])),
      },
      ...(opts.recipients
        ? { FilterExpression: `recipient IN (${[...opts.recipients].map((_, i) => `:r${i}`).join(', ')})` }
        : {}),
      ScanIndexForward: false,
      Limit: opts.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const notifications = (page.Items ?? []).map((r) => {
    const n = fromRecord<Notification>(r);
    return { id: n.id, itemId: n.itemId, deadlineId: n.deadlineId, kind: n.kind, rung: n.rung, recipient: n.recipient, sentAt: n.sentAt, subject: n.subject, ...(n.messageId ? { channel: n.channel, messageId: n.messageId } : {}) };
  });
  return { notifications, ...(page.LastEvaluatedKey ? { next: Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64url') } : {}) };
}

function decodeCursor(cursor: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError('The cursor is not one this API gave out');
  }
  const allowed = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK']);
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.entries(value).some(([k, v]) => !allowed.has(k) || typeof v !== 'string' || v.length > 300)
  ) {
    throw new BadCursorError('The cursor is not one this API gave out');
  }
  return value as Record<string, string>;
}

