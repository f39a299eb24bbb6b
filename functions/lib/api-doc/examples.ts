/**
 * An example for each route, from the demo matter (local/demo.ts, local/demo-docket.ts): the
 * document shows them, and the contract test sends every one through the local server.
 */
import { DEMO_MATTER } from '../../../local/demo-matter';

const matterId = DEMO_MATTER.id;
const ULID = '01KBCW6X0SZ3R0V3Y6G4JX9T2A';

/** An acknowledgment of the demo's ICE request, as the requester's mailbox would forward it. */
const ICE_ACKNOWLEDGMENT = [
  'From: ICE FOIA Office <ice-foia@ice.dhs.gov>',
  'To: Main Street Alliance <records@example.org>',
  'Subject: ICE FOIA request 2026-ICFO-04418: acknowledgment',
  'Date: Mon, 1 Dec 2025 09:12:00 -0500',
  'Message-ID: <ack-2026-ICFO-04418@ice.dhs.gov>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'December 1, 2025',
  '',
  'This acknowledges receipt of your November 11, 2025, Freedom of Information Act (FOIA) request to U.S. Immigration and Customs Enforcement (ICE) for records of requests ICE made to the IRS for taxpayer addresses.',
  '',
  'Your request was received in this office on November 12, 2025.',
  '',
  'Because your request calls for a search in more than one office, ICE will invoke a 10-day extension, as allowed by 5 U.S.C. 552(a)(6)(B).',
  '',
  'Your request has been assigned reference number 2026-ICFO-04418. Please cite it in any correspondence about this request.',
  '',
].join('\r\n');

export interface RouteExample {
  /** Path parameters; `:demo` values are resolved against the running demo data by the test. */
  path?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSON, or the bytes themselves when `contentType` names another media type. */
  body?: unknown;
  contentType?: string;
  /** The status the example answers on the demo data. */
  status: number;
}

export const EXAMPLES: Record<string, RouteExample> = {
  'GET /api/health': { status: 200 },
  'GET /api/openapi.json': { status: 200 },
  'POST /api/requests': {
    headers: { 'Idempotency-Key': 'demo-intake-0001' },
    body: {
      kind: 'foia',
      agency: 'IRS',
      requester: { name: 'Main Street Alliance', email: 'records@example.org', organization: 'Main Street Alliance' },
      description: 'The IRS-ICE memorandum of understanding on ITIN data and every record of addresses shared under it.',
      feeWaiver: { requested: true, justification: 'Disclosure is in the public interest: it concerns how the government uses taxpayer data.' },
      expedited: { requested: false },
    },
    status: 201,
  },
  'GET /api/track/{trackingCode}': { path: { trackingCode: ':demo' }, status: 200 },
  'GET /api/matters': { status: 200 },
  'GET /api/matters/{matterId}': { path: { matterId }, status: 200 },
  'POST /api/matters': {
    body: { id: 'ctr-v-irs-appeal', name: 'Center for Taxpayer Rights v. IRS (D.C. Cir.)', court: 'U.S. Court of Appeals for the D.C. Circuit', docket: 'No. 26-5006', team: DEMO_MATTER.team.slice(0, 2) },
    status: 201,
  },
  'POST /api/filings': {
    body: { matterId, title: 'Opposition to motion for stay pending appeal', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: '2025-11-03', service: 'electronic' } },
    status: 201,
  },
  'POST /api/notices': {
    body: { matterId, receivedAt: '2025-12-01T08:40:00-05:00', summary: 'The IRS intends to share last-known address information for 310 taxpayers with Immigration and Customs Enforcement.' },
    status: 201,
  },
  'POST /api/productions': { body: { matterId, title: 'Administrative record (certified list and record)', order: { orderedAt: '2025-09-09', days: 45 } }, status: 201 },
  'GET /api/requests/{id}': { path: { id: ':demo' }, status: 200 },
  'POST /api/requests/{id}/events': { path: { id: ':demo' }, body: { type: 'acknowledged', at: '2025-12-01', trackingNumber: '2026-IRS-FOIA-04417' }, status: 200 },
  'GET /api/filings/{id}': { path: { id: ':demo' }, status: 200 },
  'POST /api/filings/{id}/events': { path: { id: ':demo' }, body: { type: 'filed', at: '2025-12-01' }, status: 200 },
  'GET /api/notices/{id}': { path: { id: ':demo' }, status: 200 },
  'POST /api/notices/{id}/events': { path: { id: ':demo' }, body: { type: 'emergency_motion_filed', at: '2025-12-01T09:30:00-05:00' }, status: 200 },
  'GET /api/productions/{id}': { path: { id: ':demo' }, status: 200 },
  'POST /api/productions/{id}/events': { path: { id: ':demo' }, body: { type: 'produced', at: '2025-12-01' }, status: 200 },
  'GET /api/deadlines': { query: { within: 'P14D', matter: matterId }, status: 200 },
  'GET /api/trigger-sets': { status: 200 },
  'POST /api/trigger-sets/preview': { body: { triggerSet: 'judgment_entered', trigger: { at: '2025-10-31' }, params: { us_party: true } }, status: 200 },
  'GET /api/notifications': { status: 200 },
  'GET /api/calendar.ics': { query: { matter: matterId }, status: 200 },
  'GET /api/feeds/{feedToken}/calendar.ics': { path: { feedToken: ':demo' }, status: 200 },
  'GET /api/feeds': { status: 200 },
  'POST /api/feeds': { body: { label: 'Taxpayer rights deadlines', matter: matterId }, status: 201 },
  'DELETE /api/feeds/{feedId}': { path: { feedId: ':demo' }, status: 204 },
  'GET /api/export.csv': { status: 200 },
  'GET /api/calendar/days': { status: 200 },
  'POST /api/calendar/days': { body: { kind: 'courtClosures', date: '2025-12-12', label: 'Courthouse closed: snow' }, status: 202 },
  'GET /api/jobs': { status: 200 },
  'GET /api/jobs/{id}': { path: { id: ':demo' }, status: 200 },
  // Only a failed job resumes: the demo's calendar job is running or done.
  'POST /api/jobs/{id}/resume': { path: { id: ':demo' }, status: 409 },
  'POST /api/hooks/courtlistener/{secret}': {
    path: { secret: ':demo' },
    headers: { 'Idempotency-Key': 'demo-alert-0001' },
    body: {
      webhook: { version: 2, event_type: 1, date_created: '2025-11-03T15:00:00Z', deprecation_date: null },
      payload: {
        results: [
          {
            id: 911000102, docket: 69610442, date_filed: '2025-11-03', time_filed: null, entry_number: 91, recap_sequence_number: '2025-11-03.001', pacer_sequence_number: null,
            description: 'MOTION for Stay Pending Appeal by INTERNAL REVENUE SERVICE. (Attachments: # 1 Memorandum in Support)(Ellis, Morgan)', recap_documents: [],
          },
        ],
      },
    },
    status: 202,
  },
  'GET /api/matters/{matterId}/hooks': { path: { matterId }, status: 200 },
  'POST /api/matters/{matterId}/hooks': { path: { matterId }, body: { side: 'plaintiffs', usParty: true, court: 'DDC' }, status: 201 },
  'DELETE /api/hooks/{hookId}': { path: { hookId: ':demo' }, status: 204 },
  'GET /api/proposals': { query: { status: 'pending' }, status: 200 },
  'GET /api/matters/{matterId}/docket': { path: { matterId }, status: 200 },
  'POST /api/proposals/{id}/confirm': { path: { id: ':demo' }, body: { label: 'Appellee brief due (D.C. Circuit)' }, status: 201 },
  'POST /api/proposals/{id}/dismiss': { path: { id: ':demo' }, body: { reason: 'A certificate of disclosure sets no deadline for the team' }, status: 200 },
  'POST /api/inbound/email': { body: ICE_ACKNOWLEDGMENT, contentType: 'message/rfc822', status: 202 },
  'GET /api/inbound/email': { status: 200 },
  'GET /api/mail/proposals': { status: 200 },
  // The letter matched the demo's ICE request (its agency, the requester's address, the dates): no body needed.
  'POST /api/mail/proposals/{id}/confirm': { path: { id: ':demo' }, status: 200 },
  'POST /api/mail/proposals/{id}/dismiss': { path: { id: ':demo' }, body: { reason: 'The extension is on the calendar already from the FOIA officer\'s call' }, status: 200 },
};

/** The instant the examples are written for (the demo data is dated from the clock at first start). */
export const EXAMPLES_AT = '2025-12-01T15:00:00Z';

/** The value the document shows for a path parameter resolved at run time. */
export const SAMPLE_ID = ULID;
