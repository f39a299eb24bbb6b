/**
 * GET /api/jobs (team): the newest background jobs and where each stands.
 * GET /api/jobs/{id} (team): one job with its summary: what it moved, per matter and per item,
 * limited to the matters the member may see.
 * POST /api/jobs/{id}/resume (admin): a failed job runs again from its last unfinished page.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireAdmin, requireTeam } from './lib/auth';
import { visibleMatters } from './lib/access';
import { conflict, notFound } from './lib/errors';
import { httpHandler, json, type HttpResult } from './lib/http';
import { startJobRun } from './lib/job-runs';
import { getJob, listJobs, movedItems, reopenJob } from './lib/job-store';
import { jobView } from './lib/job-view';

/** The list the dashboard's banner reads: a running job is among the newest. */
const LIST_LIMIT = 20;
/** Items listed in a job's summary; the counts cover them all. */
const SUMMARY_ITEMS = 200;

export async function jobs(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const id = event.pathParameters?.id;
  if (event.requestContext.http.method === 'POST') {
    requireAdmin(event);
    const job = await getJob(id ?? '');
    if (!job) throw notFound('No such job');
    if (job.status !== 'failed') throw conflict(`The job is ${job.status}; only a failed job is resumed`);
    const run = await reopenJob(job.id);
    if (run === undefined) throw conflict('The job ended meanwhile');
    await startJobRun(job.id, run, job.resumeFrom);
    return json(202, { job: jobView({ ...job, status: 'running', runs: run }) }, { location: `/api/jobs/${job.id}` });
  }
  const member = requireTeam(event);
  if (id === undefined) return json(200, { jobs: (await listJobs(LIST_LIMIT)).map(jobView) });
  const job = await getJob(id);
  if (!job) throw notFound('No such job');
  const { ids, matters } = await visibleMatters(member);
  const names = new Map(matters.map((m) => [m.id, m.name]));
  const moved = (await movedItems(job.id, SUMMARY_ITEMS)).filter((o) => ids.has(o.matterId));
  const byMatter = Object.entries(job.byMatter ?? {})
    .filter(([matterId]) => ids.has(matterId))
    .map(([matterId, items]) => ({ matterId, name: names.get(matterId) ?? matterId, items }));
  return json(200, { job: jobView(job), summary: { byMatter, items: moved.map((o) => ({ itemId: o.itemId, collection: o.collection, matterId: o.matterId, title: o.title, moved: o.moved })) } });
}

export const handler = httpHandler(jobs);
