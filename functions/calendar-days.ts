/**
 * GET /api/calendar/days (team): the days added to the calendar and its version.
 * POST /api/calendar/days (admin): adds a closure, court closure or holiday; every open deadline
 * it touches is recomputed, superseded and recorded with the reason, and its workflow woken.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Calendar } from '../core/calendar';
import { CalendarDayBody, recomputeForCalendar, type CalendarDay } from '../core/calendar-change';
import { parseBody } from '../core/schema';
import { requireAdmin, requireTeam } from './lib/auth';
import { addCalendarDay, listCalendarDays, loadCalendar } from './lib/calendar-store';
import { now } from './lib/clock';
import { invalidBody } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { logger } from './lib/logger';
import { openDeadlinesDueBefore } from './lib/due-index';
import { updateItem } from './lib/item-store';
import { wakeItem } from './lib/workflow';

export async function calendarDays(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  if (event.requestContext.http.method === 'GET') {
    requireTeam(event);
    const [days, calendar] = await Promise.all([listCalendarDays(), loadCalendar()]);
    return json(200, { calendarVersion: calendar.version, days });
  }
  const admin = requireAdmin(event);
  const body = parseJsonBody(event);
  const parsed = parseBody(CalendarDayBody, body);
  if (!parsed.ok) throw invalidBody('The calendar day has invalid fields', parsed.errors);
  const { kind, date, label, court } = parsed.value;

  const at = now();
  const day: CalendarDay = { kind, date, label, ...(court ? { court } : {}), addedBy: admin.id, addedAt: at.toISOString() };
  await addCalendarDay(day);
  const calendar = await loadCalendar();
  const moved = await recomputeOpenDeadlines(day, admin.id, calendar);
  logger.info('calendar day added', { kind, date, calendarVersion: calendar.version, itemsMoved: moved.length });
  return json(201, { calendarVersion: calendar.version, day, moved });
}

/** Every open deadline (the due-time index holds only open ones), item by item, through the one write path. */
async function recomputeOpenDeadlines(day: CalendarDay, by: string, calendar: Calendar) {
  const itemIds = [...new Set((await openDeadlinesDueBefore('9999-12-31')).map((d) => d.itemId))];
  const moved: { itemId: string; deadlines: unknown }[] = [];
  for (const itemId of itemIds) {
    const update = await updateItem(itemId, ({ item, deadlines }) => recomputeForCalendar(item, deadlines, calendar, { day, now: now(), recordedBy: by, newDeadlineId: newId }));
    if (!update?.change) continue;
    moved.push({ itemId, deadlines: update.change.events[0]?.data.moved });
    // A waiting execution learns of its moved deadline now, not at the old deadline's timeout.
    await wakeItem(update.after, 'calendar_changed', now());
  }
  return moved;
}

export const handler = httpHandler(calendarDays);
