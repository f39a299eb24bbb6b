/**
 * GET /api/calendar/days (team): the days added to the calendar and its version.
 * POST /api/calendar/days (admin): adds a closure, court closure or holiday, and with it a job
 * that carries the day to every open deadline it can move (functions/lib/calendar-job.ts). The
 * answer is 202 with the job at once; GET /api/jobs/{id} follows it.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { calendarOf, CalendarDayBody, type CalendarDay } from '../core/calendar-change';
import { parseBody } from '../core/schema';
import { requireAdmin, requireTeam } from './lib/auth';
import { calendarDayRecord, dayAlreadyAdded, listCalendarDays, loadCalendar } from './lib/calendar-store';
import { now } from './lib/clock';
import { invalidBody } from './lib/errors';
import { httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId } from './lib/ids';
import { startJobRun } from './lib/job-runs';
import { createJobWithDay, endJob, newJob } from './lib/job-store';
import { logger } from './lib/logger';
import { jobView } from './lib/job-view';

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
  // The version the day makes: the calendar read now, with the day laid over it.
  const calendar = calendarOf([...(await listCalendarDays()), day]);
  const job = newJob({ id: newId(), createdAt: day.addedAt, createdBy: admin.id, day, calendarVersion: calendar.version });
  await createJobWithDay(job, calendarDayRecord(day), () => dayAlreadyAdded(day));
  // Recorded first, started second: a job that could not start is marked failed, and an
  // administrator resumes it (POST /api/jobs/{id}/resume); the day is in force either way.
  try {
    await startJobRun(job.id, 1, '');
  } catch (err) {
    logger.error('job start failed', { jobId: job.id, errorName: (err as Error).name });
    await endJob(job.id, 'failed', now(), 'The job could not be started; resume it');
    job.status = 'failed';
  }
  logger.info('calendar day added', { kind, date, calendarVersion: calendar.version, jobId: job.id });
  return json(202, { calendarVersion: calendar.version, day, job: jobView(job) }, { location: `/api/jobs/${job.id}` });
}

export const handler = httpHandler(calendarDays);
