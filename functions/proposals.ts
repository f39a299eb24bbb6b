/**
 * GET /api/proposals?status=pending&matter=<id> (team): proposals from the docket, newest first,
 * across the matters the caller acts in.
 * GET /api/matters/{matterId}/docket (team): the matter's docket entries as they arrived, newest
 * first, each with what it proposed and what became of it.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { StoredProposal } from '../core/docket/queue';
import type { Matter } from '../core/model';
import { requireItemMatter, visibleMatters } from './lib/access';
import { requireTeam } from './lib/auth';
import { entriesOfMatter } from './lib/docket-store';
import { badRequest } from './lib/errors';
import { httpHandler, json, type HttpResult } from './lib/http';
import { proposalsOfMatter } from './lib/proposals-store';

const STATUSES = ['pending', 'confirming', 'confirmed', 'dismissed'];

/** What the API shows of a proposal: everything but the plan, which is how confirming works. */
export function proposalView(p: StoredProposal, matter?: Matter) {
  const { plan, ...rest } = p;
  return { ...rest, kind: 'event' in plan ? 'event' : 'create' in plan ? plan.create : 'review', ...(matter ? { matterName: matter.name } : {}) };
}

export async function proposals(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const matterId = event.pathParameters?.matterId;
  if (matterId !== undefined) {
    // Another team's matter answers as if it did not exist.
    const matter = await requireItemMatter(principal, matterId, 'No such matter');
    const [entries, props] = await Promise.all([entriesOfMatter(matter.id), proposalsOfMatter(matter.id)]);
    const byId = new Map(props.map((p) => [p.id, p]));
    entries.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.filedOn.localeCompare(a.filedOn) || b.key.localeCompare(a.key));
    return json(200, {
      matterId: matter.id,
      entries: entries.map((e) => ({
        ...e,
        proposals: e.proposalIds.map((id) => byId.get(id)).filter((p): p is StoredProposal => !!p).map((p) => ({
          id: p.id, action: p.action, label: p.label, due: p.due, status: p.status, ...(p.itemId ? { itemId: p.itemId } : {}), ...(p.reason ? { reason: p.reason } : {}), ...(p.review ? { review: p.review } : {}),
        })),
      })),
    });
  }
  const q = event.queryStringParameters ?? {};
  if (q.status !== undefined && !STATUSES.includes(q.status)) throw badRequest('Unknown status', [{ field: 'status', message: `must be one of ${STATUSES.join(', ')}` }]);
  const matters = (await visibleMatters(principal)).matters.filter((m) => q.matter === undefined || m.id === q.matter);
  const lists = await Promise.all(matters.map(async (m) => (await proposalsOfMatter(m.id)).map((p) => ({ p, m }))));
  const all = lists.flat().filter(({ p }) => q.status === undefined || p.status === q.status);
  all.sort((a, b) => b.p.id.localeCompare(a.p.id));
  return json(200, { count: all.length, proposals: all.map(({ p, m }) => proposalView(p, m)) });
}

export const handler = httpHandler(proposals);
