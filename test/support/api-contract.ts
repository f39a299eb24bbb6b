/**
 * The HTTP API as the README promises it, written out by hand: every route, who may call it,
 * and what it answers to a sample call (ids that name nothing, `{}` as the body) from someone
 * allowed to: lists 200, unknown ids 404, empty bodies 400 (a feed needs no fields: 201).
 * Tests hold ROUTES, the OpenAPI document and the servers to this list, so none of them is
 * checked only against itself.
 */
export type Who = 'public' | 'publicOrTeam' | 'team' | 'admin';

export const API_CONTRACT: Record<string, { who: Who; answer: number }> = {
  'GET /api/health': { who: 'public', answer: 200 },
  'GET /api/openapi.json': { who: 'public', answer: 200 },
  'POST /api/requests': { who: 'publicOrTeam', answer: 400 },
  'GET /api/track/{trackingCode}': { who: 'public', answer: 404 },
  'GET /api/matters': { who: 'team', answer: 200 },
  'POST /api/matters': { who: 'admin', answer: 400 },
  'POST /api/filings': { who: 'team', answer: 400 },
  'POST /api/notices': { who: 'team', answer: 400 },
  'POST /api/productions': { who: 'team', answer: 400 },
  'GET /api/requests/{id}': { who: 'team', answer: 404 },
  'POST /api/requests/{id}/events': { who: 'team', answer: 404 },
  'GET /api/filings/{id}': { who: 'team', answer: 404 },
  'POST /api/filings/{id}/events': { who: 'team', answer: 404 },
  'GET /api/notices/{id}': { who: 'team', answer: 404 },
  'POST /api/notices/{id}/events': { who: 'team', answer: 404 },
  'GET /api/productions/{id}': { who: 'team', answer: 404 },
  'POST /api/productions/{id}/events': { who: 'team', answer: 404 },
  'GET /api/deadlines': { who: 'team', answer: 200 },
  'GET /api/notifications': { who: 'team', answer: 200 },
  'GET /api/calendar.ics': { who: 'team', answer: 200 },
  'GET /api/feeds/{feedToken}/calendar.ics': { who: 'public', answer: 404 },
  'GET /api/feeds': { who: 'team', answer: 200 },
  'POST /api/feeds': { who: 'team', answer: 201 },
  'DELETE /api/feeds/{feedId}': { who: 'team', answer: 404 },
  'GET /api/export.csv': { who: 'team', answer: 200 },
  'GET /api/trigger-sets': { who: 'team', answer: 200 },
  'POST /api/trigger-sets/preview': { who: 'team', answer: 400 },
  'POST /api/hooks/courtlistener/{secret}': { who: 'public', answer: 404 },
  'GET /api/matters/{matterId}/hooks': { who: 'admin', answer: 404 },
  'POST /api/matters/{matterId}/hooks': { who: 'admin', answer: 404 },
  'DELETE /api/hooks/{hookId}': { who: 'admin', answer: 404 },
  'GET /api/proposals': { who: 'team', answer: 200 },
  'GET /api/matters/{matterId}/docket': { who: 'team', answer: 404 },
  'POST /api/proposals/{id}/confirm': { who: 'team', answer: 404 },
  'POST /api/proposals/{id}/dismiss': { who: 'team', answer: 404 },
  'POST /api/inbound/email': { who: 'publicOrTeam', answer: 400 },
  'GET /api/inbound/email': { who: 'team', answer: 200 },
  'GET /api/mail/proposals': { who: 'team', answer: 200 },
  'POST /api/mail/proposals/{id}/confirm': { who: 'team', answer: 404 },
  'POST /api/mail/proposals/{id}/dismiss': { who: 'team', answer: 404 },
  'GET /api/calendar/days': { who: 'team', answer: 200 },
  'POST /api/calendar/days': { who: 'admin', answer: 400 },
};
