/**
 * The calendar in force: the built-in calendar plus the days the team added as data (closures,
 * court closures, holidays), kept in the table. Every deadline computation reads it.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { additionsOf, type CalendarDay } from '../../core/calendar-change';
import { defaultCalendar, withDays, type Calendar } from '../../core/calendar';
import { ddb } from './clients';
import { conditionFailed } from './db';
import { config } from './config';
import { AlreadyExistsError } from './errors';
import { CALENDAR_PK, calendarDaySk, fromRecord } from './keys';

const TableName = config.tableName;
/** A day is added once; adding it again is a mistake worth saying. */
const IS_NEW = 'attribute_not_exists(PK)';

export async function listCalendarDays(): Promise<CalendarDay[]> {
  const out = await ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': CALENDAR_PK }, ConsistentRead: true }));
  return (out.Items ?? []).map((r) => fromRecord<CalendarDay>(r));
}

/** One Query: a few records, read per computation so a change reaches every function at once. */
export async function loadCalendar(): Promise<Calendar> {
  const days = await listCalendarDays();
  return days.length ? withDays(defaultCalendar, additionsOf(days)) : defaultCalendar;
}

export async function addCalendarDay(day: CalendarDay): Promise<void> {
  try {
    await ddb.send(new PutCommand({ TableName, Item: { ...day, PK: CALENDAR_PK, SK: calendarDaySk(day.kind, day.date, day.court) }, ConditionExpression: IS_NEW }));
  } catch (err) {
    if (conditionFailed(err)) throw new AlreadyExistsError(`${day.date} is already in the calendar as ${day.kind}`);
    throw err;
  }
}
