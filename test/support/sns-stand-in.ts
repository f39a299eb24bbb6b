/**
 * A stand-in for Amazon SNS on a local port: it speaks the service's Query API (form-encoded
 * `Action=Publish&...` in, the documented XML out), so the real SNSClient, with its signing,
 * serialization and error parsing, is what the code under test runs. It records each Publish
 * decoded, and can answer the next ones with an SNS error instead.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Published {
  topicArn: string;
  subject: string | undefined;
  message: string;
  /** Message attributes by name: `{ DataType, StringValue }`. */
  attributes: Record<string, { DataType: string; StringValue: string }>;
  headers: IncomingHttpHeaders;
  /** Every form field as sent. */
  form: Record<string, string>;
}

export interface SnsStandIn {
  readonly endpoint: string;
  readonly published: Published[];
  /** The next `n` Publish calls get this SNS error (HTTP status and code). */
  failNext(n: number, status?: number, code?: string): void;
  close(): Promise<void>;
}

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startSnsStandIn(): Promise<SnsStandIn> {
  const published: Published[] = [];
  let failures: { left: number; status: number; code: string } = { left: 0, status: 500, code: 'InternalError' };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const requestId = randomUUID();
      const reply = (status: number, xml: string) => {
        res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
        res.end(`<?xml version="1.0"?>\n${xml}`);
      };
      if (form.Action !== 'Publish' || form.Version !== '2010-03-31') {
        return reply(400, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>${esc(`Unsupported ${form.Action}`)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
      }
      if (failures.left > 0) {
        failures.left--;
        return reply(failures.status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Receiver</Type><Code>${failures.code}</Code><Message>Injected by the test</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
      }
      // MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue
      const attributes: Published['attributes'] = {};
      for (const [k, v] of Object.entries(form)) {
        const m = /^MessageAttributes\.entry\.(\d+)\.Name$/.exec(k);
        if (m) attributes[v] = { DataType: form[`MessageAttributes.entry.${m[1]}.Value.DataType`] ?? '', StringValue: form[`MessageAttributes.entry.${m[1]}.Value.StringValue`] ?? '' };
      }
      published.push({ topicArn: form.TopicArn ?? '', subject: form.Subject, message: form.Message ?? '', attributes, headers: req.headers, form });
      reply(200, `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    published,
    failNext: (n, status = 500, code = 'InternalError') => void (failures = { left: n, status, code }),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
