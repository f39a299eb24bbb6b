/**
 * A writer's deadlines against a day added while it wrote. A request computes deadlines on the
 * calendar it read at its start; a day an administrator adds between that read and the commit
 * is carried by its job, which may already have planned past the deadline the request is about
 * to write, and never sees it again. So every writer that computes deadlines reads the calendar
 * once more after its commit (one Query of a few records) and, if a day came in since, moves the
 * item as that day's job would, named on the same job: the job, reaching the item later, finds
 * its own change there and counts it without moving anything twice.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { calendarOf, calendarVersions, inOrderAdded, recomputeForCalendar, versionsAfter } from '../../core/calendar-change';
import type { Calendar } from '../../core/calendar';
import type { Deadline } from '../../core/model';
import { listCalendarDays } from './calendar-store';
import { ddb } from './clients';
import { TableName } from './db';
import { newId } from './ids';
import { updateItem, type ItemBundle } from './item-store';
import { INDEX, JOBS_PK } from './keys';
import { logger } from './logger';

/**
 * The item after the writer's commit, the deadlines the commit wrote, and the calendar they were
 * computed on. Answers the item as it now stands.
 */
export async function catchUpCalendar(after: ItemBundle, wrote: readonly Deadline[], used: Calendar, at: Date): Promise<ItemBundle> {
  if (!wrote.some((d) => d.status === 'open' && d.version === 1)) return after;
  const days = await listCalendarDays();
  const calendar = calendarOf(days);
  if (calendar.version === used.version) return after;
  const history = calendarVersions(days);
  // The day that made the calendar in force: the last one added.
  const day = inOrderAdded(days).at(-1)!;
  const jobId = await jobOfDay(day.addedAt);
  const update = await updateItem(after.item.id, ({ item, deadlines }) =>
    recomputeForCalendar(item, deadlines, calendar, { day, now: at, recordedBy: day.addedBy, newDeadlineId: newId, ...(jobId ? { jobId } : {}), newer: versionsAfter(history, calendar.version) }),
  );
  if (update?.change) logger.info('deadlines moved to a day added while they were written', { itemId: after.item.id, day: day.date, jobId });
  return update?.after ?? after;
}

/** A day and its job are written in one transaction, the job created at the day's `addedAt`. */
async function jobOfDay(addedAt: string): Promise<string | undefined> {
  const out = await ddb.send(
    new QueryCommand({
      TableName,
      IndexName: INDEX.byMatter,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :at)',
      ExpressionAttributeValues: { ':pk': JOBS_PK, ':at': `${addedAt}#` },
      ProjectionExpression: 'id',
      Limit: 1,
    }),
  );
  const id = out.Items?.[0]?.id;
  return id === undefined ? undefined : String(id);
}
