/** GET /api/export.csv: every item and deadline as CSV, formula cells escaped (team). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { toCsv } from '../core/csv';
import { EXPORT_HEADER, exportRows } from '../core/status';
import { requireTeam } from './lib/auth';
import { now } from './lib/clock';
import { httpHandler, type HttpResult } from './lib/http';
import { everything } from './lib/status-reads';
import { BASE_HEADERS_TEXT } from './lib/text-response';
import { visibleMatters } from './lib/access';

export async function exportCsv(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const principal = requireTeam(event);
  const { items, deadlinesByItem, matters } = await everything((await visibleMatters(principal)).ids);
  const day = now().toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      ...BASE_HEADERS_TEXT,
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="docketwatch-${day}.csv"`,
    },
    body: toCsv(EXPORT_HEADER, exportRows(items, deadlinesByItem, matters)),
  };
}

export const handler = httpHandler(exportCsv);
