/**
 * The calendar in force: the built-in calendar plus the days the team added as data (closures,
 * court closures, holidays), kept in the table. Every deadline computation reads it.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { calendarOf, calendarVersions, type CalendarDay } from '../../core/calendar-change';
import type { Calendar } from '../../core/calendar';
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
  return calendarOf(await listCalendarDays());
}

/** The calendar in force and the versions it went through, oldest first (one Query). */
export async function loadCalendarHistory(): Promise<{ calendar: Calendar; history: string[] }> {
  const days = await listCalendarDays();
  return { calendar: calendarOf(days), history: calendarVersions(days) };
}

export const calendarDayRecord = (day: CalendarDay) => ({ ...day, PK: CALENDAR_PK, SK: calendarDaySk(day.kind, day.date, day.court) });
export const dayAlreadyAdded = (day: CalendarDay) => new AlreadyExistsError(`${day.date} is already in the calendar as ${day.kind}`);

export async function addCalendarDay(day: CalendarDay): Promise<void> {
  try {
    await ddb.send(new PutCommand({ TableName, Item: calendarDayRecord(day), ConditionExpression: IS_NEW }));
  } catch (err) {
    if (conditionFailed(err)) throw dayAlreadyAdded(day);
    throw err;
  }
}
