import { parseRouteKey, pathRegex, type Access, type Auth, type RouteSpec } from '../functions/routes';

export { parseRouteKey, pathRegex };

/** What one Lambda needs, merged over every route it serves. */
export interface EntryPlan {
  readonly entry: string;
  /** readwrite wins over read when routes of one entry differ. */
  readonly table: Access;
  readonly workflow: boolean;
  /** Starts runs of background jobs. */
  readonly jobs: boolean;
  /** Serves at least one public or publicOrTeam route: throttled, reserved concurrency. */
  readonly public: boolean;
  readonly routes: readonly RouteSpec[];
}

/** Routes without the JWT authorizer: the ones WAF and the stage throttle as public. */
export function isPublic(auth: Auth): boolean {
  return auth !== 'team';
}

/** One plan per distinct entry, in first-seen order. */
export function planEntries(routes: readonly RouteSpec[]): EntryPlan[] {
  const seen = new Set<string>();
  const plans = new Map<string, EntryPlan>();
  for (const route of routes) {
    parseRouteKey(route.routeKey);
    if (seen.has(route.routeKey)) throw new Error(`route ${route.routeKey} is listed twice`);
    seen.add(route.routeKey);
    const previous = plans.get(route.entry);
    plans.set(route.entry, {
      entry: route.entry,
      table: previous?.table === 'readwrite' || route.table === 'readwrite' ? 'readwrite' : 'read',
      workflow: (previous?.workflow ?? false) || route.workflow === true,
      jobs: (previous?.jobs ?? false) || route.jobs === true,
      public: (previous?.public ?? false) || isPublic(route.auth),
      routes: [...(previous?.routes ?? []), route],
    });
  }
  return [...plans.values()];
}

/** A CloudFormation-safe construct id from a route key: `GET /api/track/{code}` → `GetApiTrackCode`. */
export function routeId(routeKey: string): string {
  return routeKey
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

/** `get-item` → `GetItem`. */
export function entryId(entry: string): string {
  return routeId(entry);
}
