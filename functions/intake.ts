/** POST /api/requests: intake of a FOIA or Privacy Act request (public, or team with more fields). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { validateIntake } from '../core/intake';
import { newRecordRequest } from '../core/items';
import { phaseLabel } from '../core/lifecycle/phases';
import { deadlineView } from '../core/views';
import { optionalTeam } from './lib/auth';
import { catchUpCalendar } from './lib/calendar-catch-up';
import { loadCalendar } from './lib/calendar-store';
import { now } from './lib/clock';
import { config } from './lib/config';
import { AlreadyExistsError, badRequest, HttpError } from './lib/errors';
import { header, httpHandler, json, parseJsonBody, type HttpResult } from './lib/http';
import { newId, newTrackingCode } from './lib/ids';
import { logger } from './lib/logger';
import { count } from './lib/metrics';
import { ensureIntakeMatter } from './lib/intake-matter';
import { getIdempotency } from './lib/idempotency-store';
import { createItem } from './lib/item-store';
import { startOrQueueWorkflow } from './lib/workflow';
import { requireNamedMatter } from './lib/access';

const IDEMPOTENCY_SCOPE = 'POST /api/requests';
/** A client retrying after a day is making a new request. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

export async function intake(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = await optionalTeam(event);
  const body = parseJsonBody(event);
  const at = now();

  const key = header(event, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw badRequest('The Idempotency-Key header must be 8 to 255 visible ASCII characters');
  }
  // The key is bound to the body and to who sent it: the same key with another body is a client bug.
  const requestHash = createHash('sha256').update(`${principal?.id ?? 'public'}\n${event.body ?? ''}`).digest('hex');
  if (key) {
    const replay = await replayed(key, requestHash, at);
    if (replay) return replay;
  }

  const input = validateIntake(body, { team: !!principal, now: at });
  if (!input.ok) throw badRequest('The request has invalid fields', input.errors);

  // A team member files into a matter of theirs; without one, a request lands with the public ones.
  const matter = input.value.matterId && principal ? await requireNamedMatter(principal, input.value.matterId) : await ensureIntakeMatter(at);
  if (!matter) throw badRequest('No such matter', [{ field: 'matterId', message: 'is not a known matter' }]);

  const id = newId();
  const trackingCode = newTrackingCode();
  const calendar = await loadCalendar();
  const built = newRecordRequest(input.value, { id, now: at, createdBy: principal?.id ?? 'public', matter, newDeadlineId: newId, calendar });
  const responseBody = {
    id,
    trackingCode,
    kind: built.item.kind,
    agency: built.item.agency,
    matterId: matter.id,
    phase: built.item.phase,
    phaseLabel: phaseLabel(built.item.phase),
    receivedAt: built.item.receivedAt,
    deadlines: built.deadlines.map(deadlineView),
    trackUrl: `${config.publicBaseUrl}/track/${trackingCode}`,
  };

  try {
    await createItem({
      ...built,
      trackingCode,
      ...(key ? { idempotency: { scope: IDEMPOTENCY_SCOPE, key, record: { requestHash, status: 201, body: responseBody }, ttlSeconds: IDEMPOTENCY_TTL_SECONDS, now: at } } : {}),
    });
  } catch (err) {
    // Two retries raced: the other one stored the request; answer with its receipt.
    if (err instanceof AlreadyExistsError && key) {
      const replay = await replayed(key, requestHash, at);
      if (replay) return replay;
    }
    throw err;
  }

  // A day added while the request was stored moves its deadlines here; a replay of this
  // request answers the receipt as first issued (the tracking page shows the dates in force).
  const after = await catchUpCalendar({ item: built.item, deadlines: built.deadlines, events: [built.event] }, built.deadlines, calendar, at);
  const deadlines = after.deadlines === built.deadlines ? responseBody.deadlines : after.deadlines.filter((d) => d.status !== 'superseded').map(deadlineView);
  // The request is stored; if its workflow cannot start now, the sweep starts it later.
  const workflowState = await startOrQueueWorkflow(id, at);
  logger.info('intake', { itemId: id, kind: built.item.kind, team: !!principal });
  count('Intakes');
  return json(201, { ...responseBody, deadlines, workflow: { execution: id, state: workflowState } }, { location: `/api/requests/${id}` });
}

async function replayed(key: string, requestHash: string, at: Date): Promise<HttpResult | undefined> {
  const stored = await getIdempotency(IDEMPOTENCY_SCOPE, key, at);
  if (!stored) return undefined;
  if (stored.requestHash !== requestHash) {
    throw new HttpError(422, 'Idempotency key reused', 'This Idempotency-Key was already used for a different request');
  }
  return json(stored.status, stored.body, { 'idempotent-replayed': 'true' });
}

export const handler = httpHandler(intake);
