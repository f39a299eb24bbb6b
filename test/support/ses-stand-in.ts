/**
 * A stand-in for Amazon SES (API v2) on a local port: it answers `POST /v2/email/outbound-emails`
 * (SendEmail, REST-JSON) as the service does, so the real SESv2Client, with its signing,
 * serialization and error parsing, is what the code under test runs. It records each request as
 * sent (headers and the JSON body) and can answer the next ones with an SES error instead.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentEmail {
  path: string;
  headers: IncomingHttpHeaders;
  /** The request body as the client sent it (SendEmail's input, raw content base64). */
  body: {
    FromEmailAddress?: string;
    FromEmailAddressIdentityArn?: string;
    Destination?: { ToAddresses?: string[] };
    Content?: { Raw?: { Data?: string } };
    ConfigurationSetName?: string;
    EmailTags?: { Name: string; Value: string }[];
  };
}

export interface SesStandIn {
  readonly endpoint: string;
  readonly sent: SentEmail[];
  /** The next `n` SendEmail calls get this error (HTTP status and error type). */
  failNext(n: number, status?: number, type?: string): void;
  close(): Promise<void>;
}

export async function startSesStandIn(): Promise<SesStandIn> {
  const sent: SentEmail[] = [];
  let failures = { left: 0, status: 500, type: 'InternalFailure' };
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const reply = (status: number, body: unknown, type?: string) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...(type ? { 'x-amzn-errortype': type } : {}) });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v2/email/outbound-emails') return reply(404, { message: `No such operation ${req.method} ${req.url}` }, 'NotFoundException');
      if (failures.left > 0) {
        failures.left--;
        return reply(failures.status, { message: 'Injected by the test' }, failures.type);
      }
      sent.push({ path: req.url, headers: req.headers, body: JSON.parse(text) as SentEmail['body'] });
      reply(200, { MessageId: `0100${randomUUID()}` });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    sent,
    failNext: (n, status = 500, type = 'InternalFailure') => void (failures = { left: n, status, type }),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
