/**
 * GET /api/notifications (team): what reminders and alerts were sent, newest first, one bounded
 * page at a time. `?item=<id>` lists one item's; `?limit=` (1-100, default 50); `?cursor=` from
 * the previous page's `next`.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireTeam } from './lib/auth';
import { badRequest } from './lib/errors';
import { httpHandler, json, type HttpResult } from './lib/http';
import { listNotifications } from './lib/notification-log';
import { requireItemMatter, visibleMatters } from './lib/access';
import { getItem } from './lib/item-store';

const ITEM_ID = /^[0-9A-Za-z_-]{1,64}$/;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export async function listHandler(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const q = event.queryStringParameters ?? {};
  const errors: { field: string; message: string }[] = [];
  if (q.item !== undefined && !ITEM_ID.test(q.item)) errors.push({ field: 'item', message: 'must be an item id' });
  const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) errors.push({ field: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` });
  if (errors.length) throw badRequest('The query is not valid', errors);
  // A member sees what was sent to them; an administrator, everything sent.
  const admin = principal.groups.includes('admin');
  if (q.item && !admin) {
    const item = await getItem(q.item);
    if (item) await requireItemMatter(principal, item.matterId, `No item with id ${q.item} here`);
  }
  const recipients = admin ? undefined : (await visibleMatters(principal)).personIds;
  const page = await listNotifications({ limit, ...(q.item ? { itemId: q.item } : {}), ...(q.cursor ? { cursor: q.cursor } : {}), ...(recipients ? { recipients } : {}) });
  return json(200, page);
}

export const handler = httpHandler(listHandler);
