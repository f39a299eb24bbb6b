/**
 * A stand-in for Amazon S3 on a local port: it answers GetObject (`GET /<bucket>/<key>`, the path
 * style the SDK uses for an endpoint given as an IP address) from the objects a test puts in, and
 * NoSuchKey / NoSuchBucket as S3 does otherwise, so the real S3Client, with its signing,
 * serialization and streaming body, is what the code under test runs. It records each request.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Request {
  method: string;
  bucket: string;
  key: string;
  headers: IncomingHttpHeaders;
}

export interface S3StandIn {
  readonly endpoint: string;
  readonly requests: S3Request[];
  put(bucket: string, key: string, body: Buffer): void;
  close(): Promise<void>;
}

const xmlError = (code: string, message: string, resource: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource><RequestId>${randomUUID()}</RequestId></Error>`;

export async function startS3StandIn(): Promise<S3StandIn> {
  const buckets = new Map<string, Map<string, Buffer>>();
  const requests: S3Request[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    requests.push({ method: req.method ?? '', bucket, key, headers: req.headers });
    req.resume();
    req.on('end', () => {
      const fail = (status: number, code: string, message: string) => {
        res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': randomUUID() });
        res.end(xmlError(code, message, url.pathname));
      };
      if (req.method !== 'GET' || !key) return fail(405, 'MethodNotAllowed', 'Only GetObject is stood in for');
      const objects = buckets.get(bucket);
      if (!objects) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
      const body = objects.get(key);
      if (!body) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(body.length),
        etag: `"${createHash('md5').update(body).digest('hex')}"`,
        'last-modified': new Date().toUTCString(),
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-request-id': randomUUID(),
      });
      res.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    put(bucket, key, body) {
      if (!buckets.has(bucket)) buckets.set(bucket, new Map());
      buckets.get(bucket)!.set(key, body);
    },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
