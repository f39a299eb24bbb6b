/**
 * A pass-through HTTP proxy in front of DynamoDB Local that can answer chosen operations with
 * DynamoDB's own 500 (`InternalServerError`), as the service does in a partial outage. The
 * stack under test talks to it through the real SDK, so a failure reaches the handlers, Lambda
 * retries and the state machine exactly as a service error would.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DynamoProxy {
  readonly endpoint: string;
  /** Operations (`UpdateItem`, `Query`, ...) answered with a 500 until `heal()`. */
  fail(...operations: string[]): void;
  heal(): void;
  /** Requests answered with the injected error, per operation. */
  readonly failed: Map<string, number>;
  close(): Promise<void>;
}

export async function startDynamoProxy(target: string): Promise<DynamoProxy> {
  const upstream = new URL(target);
  let failing = new Set<string>();
  const failed = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // X-Amz-Target: DynamoDB_20120810.UpdateItem
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    if (failing.has(operation)) {
      failed.set(operation, (failed.get(operation) ?? 0) + 1);
      req.resume();
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error (injected by the test)' }));
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', (err) => res.destroy(err));
    req.pipe(forward);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    fail: (...operations) => void (failing = new Set(operations)),
    heal: () => void (failing = new Set()),
    failed,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
