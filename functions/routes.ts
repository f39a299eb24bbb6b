/**
 * Every HTTP route, once. The local server and the CDK API construct both read this table:
 * the method and path API Gateway matches, the Lambda entry file that serves it, whether the
 * JWT authorizer guards it, and what the function may touch. No handler is imported here, so
 * CDK can read it without loading runtime code.
 */
export type Access = 'read' | 'readwrite';
export type Auth = 'public' | 'team' | 'publicOrTeam';

export interface RouteSpec {
  /** Route key as API Gateway writes it: `METHOD /path/{param}`. */
  readonly routeKey: string;
  /** Entry file under functions/, without extension; one Lambda per entry. */
  readonly entry: string;
  readonly auth: Auth;
  readonly table: Access;
  /** The function starts or signals workflow executions. */
  readonly workflow?: boolean;
  /** The function starts runs of background jobs (the job state machine). */
  readonly jobs?: boolean;
  /** Beyond the team authorizer, the handler requires the `admin` group. */
  readonly admin?: boolean;
}

import { COLLECTIONS } from '../core/collections';

export { COLLECTIONS };

export const ROUTES: readonly RouteSpec[] = [
  { routeKey: 'GET /api/health', entry: 'health', auth: 'public', table: 'read' },
  { routeKey: 'GET /api/openapi.json', entry: 'openapi', auth: 'public', table: 'read' },
  // Intake is public; a team token additionally allows matterId and receivedAt.
  { routeKey: 'POST /api/requests', entry: 'intake', auth: 'publicOrTeam', table: 'readwrite', workflow: true },
  { routeKey: 'GET /api/track/{trackingCode}', entry: 'track', auth: 'public', table: 'read' },
  { routeKey: 'GET /api/matters', entry: 'matters', auth: 'team', table: 'read' },
  { routeKey: 'POST /api/matters', entry: 'matters', auth: 'team', table: 'readwrite', admin: true },
  // One matter with every item and deadline: the matter page and its printable docket report.
  { routeKey: 'GET /api/matters/{matterId}', entry: 'matters', auth: 'team', table: 'read' },
  { routeKey: 'POST /api/filings', entry: 'create-item', auth: 'team', table: 'readwrite', workflow: true },
  { routeKey: 'POST /api/notices', entry: 'create-item', auth: 'team', table: 'readwrite', workflow: true },
  { routeKey: 'POST /api/productions', entry: 'create-item', auth: 'team', table: 'readwrite', workflow: true },
  ...COLLECTIONS.flatMap((c): RouteSpec[] => [
    { routeKey: `GET /api/${c}/{id}`, entry: 'get-item', auth: 'team', table: 'read' },
    { routeKey: `POST /api/${c}/{id}/events`, entry: 'record-event', auth: 'team', table: 'readwrite', workflow: true },
  ]),
  { routeKey: 'GET /api/deadlines', entry: 'deadlines', auth: 'team', table: 'read' },
  // Trigger sets: what each sets, and every deadline a trigger would set (nothing is written).
  { routeKey: 'GET /api/trigger-sets', entry: 'trigger-sets', auth: 'team', table: 'read' },
  { routeKey: 'POST /api/trigger-sets/preview', entry: 'trigger-sets', auth: 'team', table: 'read' },
  { routeKey: 'GET /api/notifications', entry: 'notifications', auth: 'team', table: 'read' },
  { routeKey: 'GET /api/calendar.ics', entry: 'calendar-feed', auth: 'team', table: 'read' },
  // Calendar apps cannot send headers: a personal feed URL carries a revocable secret instead.
  { routeKey: 'GET /api/feeds/{feedToken}/calendar.ics', entry: 'calendar-feed', auth: 'public', table: 'read' },
  { routeKey: 'GET /api/feeds', entry: 'feeds', auth: 'team', table: 'read' },
  { routeKey: 'POST /api/feeds', entry: 'feeds', auth: 'team', table: 'readwrite' },
  { routeKey: 'DELETE /api/feeds/{feedId}', entry: 'feeds', auth: 'team', table: 'readwrite' },
  { routeKey: 'GET /api/export.csv', entry: 'export', auth: 'team', table: 'read' },
  // Calendar days as data; adding one (admin) starts a job that recomputes every open deadline it can move.
  { routeKey: 'GET /api/calendar/days', entry: 'calendar-days', auth: 'team', table: 'read' },
  { routeKey: 'POST /api/calendar/days', entry: 'calendar-days', auth: 'team', table: 'readwrite', jobs: true, admin: true },
  // Background jobs and their progress; an administrator may resume a failed one.
  { routeKey: 'GET /api/jobs', entry: 'jobs', auth: 'team', table: 'read' },
  { routeKey: 'GET /api/jobs/{id}', entry: 'jobs', auth: 'team', table: 'read' },
  { routeKey: 'POST /api/jobs/{id}/resume', entry: 'jobs', auth: 'team', table: 'readwrite', jobs: true, admin: true },
  // The court's docket: CourtListener cannot send a token, so each matter's URL carries a revocable secret.
  { routeKey: 'POST /api/hooks/courtlistener/{secret}', entry: 'docket-hook', auth: 'public', table: 'readwrite' },
  { routeKey: 'GET /api/matters/{matterId}/hooks', entry: 'docket-hooks', auth: 'team', table: 'read', admin: true },
  { routeKey: 'POST /api/matters/{matterId}/hooks', entry: 'docket-hooks', auth: 'team', table: 'readwrite', admin: true },
  { routeKey: 'DELETE /api/hooks/{hookId}', entry: 'docket-hooks', auth: 'team', table: 'readwrite', admin: true },
  { routeKey: 'GET /api/proposals', entry: 'proposals', auth: 'team', table: 'read' },
  { routeKey: 'GET /api/matters/{matterId}/docket', entry: 'proposals', auth: 'team', table: 'read' },
  // Confirming goes through the lawyer's own create and event paths, workflow included.
  { routeKey: 'POST /api/proposals/{id}/confirm', entry: 'proposal-decide', auth: 'team', table: 'readwrite', workflow: true },
  { routeKey: 'POST /api/proposals/{id}/dismiss', entry: 'proposal-decide', auth: 'team', table: 'readwrite', workflow: true },
  // Mail in: forwarded court notices and agency letters. A matter's inbound secret stands in for a token.
  { routeKey: 'POST /api/inbound/email', entry: 'inbound-email', auth: 'publicOrTeam', table: 'readwrite' },
  { routeKey: 'GET /api/inbound/email', entry: 'inbound-email', auth: 'team', table: 'read' },
  { routeKey: 'GET /api/mail/proposals', entry: 'mail-proposals', auth: 'team', table: 'read' },
  // Confirming records the event through the dashboard's own event path, workflow included.
  { routeKey: 'POST /api/mail/proposals/{id}/confirm', entry: 'mail-proposals', auth: 'team', table: 'readwrite', workflow: true },
  { routeKey: 'POST /api/mail/proposals/{id}/dismiss', entry: 'mail-proposals', auth: 'team', table: 'readwrite' },
];

/**
 * Page paths served by one HTML file (the page reads the rest of the path itself). The local
 * server and the CloudFront viewer-request function both apply exactly these.
 */
export const SITE_REWRITES: readonly { pattern: string; page: string }[] = [
  { pattern: '^/track(/[^/]*)?/?$', page: '/track.html' },
  { pattern: '^/dashboard(/.*)?$', page: '/dashboard.html' },
];

export interface ParsedRouteKey {
  readonly method: string;
  readonly path: string;
}

export function parseRouteKey(routeKey: string): ParsedRouteKey {
  const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) (\/\S*)$/.exec(routeKey);
  if (!match) throw new Error(`route key ${JSON.stringify(routeKey)} is not "METHOD /path"`);
  return { method: match[1]!, path: match[2]! };
}

/**
 * `/api/track/{trackingCode}` → `^/api/track/[^/]+$`: a path parameter matches one segment
 * (captured, in order, with `capture`), `{proxy+}` the rest. API Gateway matches paths this way;
 * the local server and WAF's rules use the same expression.
 */
export function pathRegex(path: string, capture = false): string {
  const group = (re: string) => (capture ? `(${re})` : re);
  const body = path
    .split('/')
    .map((segment) => {
      if (/^\{[A-Za-z0-9_]+\+\}$/.test(segment)) return group('.+');
      if (/^\{[A-Za-z0-9_]+\}$/.test(segment)) return group('[^/]+');
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return `^${body}$`;
}

/** The names of a path's parameters, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\+?\}/g)].map((m) => m[1]!);
}

/** Entries the state machine invokes as Task resources (not HTTP routes). */
export const WORKFLOW_TASK_ENTRY = 'workflow-task';
/** The Task resource of the job state machine. */
export const JOB_TASK_ENTRY = 'job-task';
/** Entry SES receiving invokes with each message stored in the mail bucket. */
export const MAIL_RECEIVE_ENTRY = 'mail-receive';
/** Entry the schedule invokes. */
export const SWEEP_ENTRY = 'remind';
