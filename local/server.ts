/**
 * The local HTTP front door: serves web/ at `/` and the API at `/api/*`. Each API request
 * becomes a real API Gateway HTTP API (v2) event for the same handler module Lambda runs;
 * team routes pass the same JWT check as the HTTP API's authorizer first.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseRouteKey, pathParams, pathRegex, ROUTES, SITE_REWRITES, type RouteSpec } from '../functions/routes';
import { bearerToken } from '../functions/lib/bearer';
import { readBody } from './body';
import { EventEmitter } from 'node:events';

export type Invoke = (entry: string, event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;
export type VerifyJwt = (token: string) => Promise<Record<string, unknown>>;

export interface ServerOptions {
  webDir: string;
  invoke: Invoke;
  verifyJwt: VerifyJwt;
  /** Extra local-only routes (sign-in, JWKS), matched before the API. */
  extra?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Requests per minute per client on public routes, as the deployed throttle and WAF rule do. */
  publicRateLimit: number;
}

/** API Gateway refuses payloads over 10 MB before any Lambda sees them. */
const MAX_PAYLOAD = 10 * 1024 * 1024;
/** How long a stop waits for requests under way (a handler's own limit is 30 s in Lambda; ours are far quicker). */
const DRAIN_MS = 15_000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** The same security headers CloudFront adds in front of the site. */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

interface CompiledRoute {
  spec: RouteSpec;
  method: string;
  pattern: RegExp;
  params: string[];
}

function compile(spec: RouteSpec): CompiledRoute {
  const { method, path } = parseRouteKey(spec.routeKey);
  return { spec, method, pattern: new RegExp(pathRegex(path, true)), params: pathParams(path) };
}

export function fakeContext(functionName: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 30_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function startServer(port: number, opts: ServerOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const routes = ROUTES.map(compile);
  const rewrites = SITE_REWRITES.map((r) => ({ re: new RegExp(r.pattern), page: r.page }));
  const webRoot = resolve(opts.webDir);
  const buckets = new Map<string, { count: number; windowStart: number }>();

  async function isTeamToken(authorization: string | undefined): Promise<boolean> {
    const token = bearerToken(authorization);
    const claims = token ? await opts.verifyJwt(token).catch(() => undefined) : undefined;
    const groups = claims?.['cognito:groups'];
    return Array.isArray(groups) && groups.some((g) => g === 'team' || g === 'admin');
  }

  function rateLimited(client: string): boolean {
    const now = Date.now();
    const b = buckets.get(client);
    if (!b || now - b.windowStart >= 60_000) {
      buckets.set(client, { count: 1, windowStart: now });
      return false;
    }
    b.count++;
    return b.count > opts.publicRateLimit;
  }

  // Requests being answered: a stop lets them finish (they may be committing) before it closes.
  let inflight = 0;
  let draining = false;
  const drained = new EventEmitter();
  const server = createServer((req, res) => {
    inflight++;
    res.once('close', () => {
      inflight--;
      if (inflight === 0) drained.emit('idle');
    });
    if (draining) res.setHeader('connection', 'close');
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // One decoding step for the whole path: a malformed escape is the client's error, before anything runs.
    if (decoded(url.pathname) === undefined) return sendProblem(res, 400, 'Bad request', 'The path is not valid percent-encoding');
    if (opts.extra && (await opts.extra(req, res, url))) return;
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api(req, res, url);
    return staticFile(req, res, url);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    let route: CompiledRoute | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of routes) {
      if (r.method !== method) continue;
      match = r.pattern.exec(url.pathname);
      if (match) {
        route = r;
        break;
      }
    }
    // HTTP API answers an unmatched route with 404 {"message":"Not Found"}.
    if (!route || !match) return sendJson(res, 404, { message: 'Not Found' });

    const body = await readBody(req, MAX_PAYLOAD);
    if (body === undefined) return sendProblem(res, 413, 'Payload too large', `The body must be at most ${MAX_PAYLOAD} bytes`);

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined && k !== 'cookie') headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    }
    const client = req.socket.remoteAddress ?? 'unknown';
    // The public limit is for the public: a request with a valid team token is not counted.
    if (route.spec.auth !== 'team' && !(await isTeamToken(headers.authorization)) && rateLimited(client)) {
      res.setHeader('retry-after', '60');
      return sendProblem(res, 429, 'Too many requests', `At most ${opts.publicRateLimit} public requests a minute from one address; try again in a minute`);
    }
    let authorizer: { jwt: { claims: Record<string, unknown>; scopes: null } } | undefined;
    if (route.spec.auth === 'team') {
      // The authorizer: no valid bearer token, no Lambda call.
      const token = bearerToken(headers.authorization);
      const claims = token ? await opts.verifyJwt(token).catch(() => undefined) : undefined;
      if (!claims) return sendJson(res, 401, { message: 'Unauthorized' });
      authorizer = { jwt: { claims: flattenClaims(claims), scopes: null } };
    }

    const pathParameters = Object.fromEntries(route.params.map((p, i) => [p, decoded(match![i + 1] ?? '') ?? '']));
    const query = Object.fromEntries(url.searchParams);
    const isText = /json|text|xml|urlencoded/i.test(headers['content-type'] ?? 'application/json');
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: route.spec.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      ...(req.headers.cookie ? { cookies: req.headers.cookie.split(/;\s*/) } : {}),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(route.params.length ? { pathParameters } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: client, userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(),
        routeKey: route.spec.routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(authorizer ? { authorizer } : {}),
      },
      ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
      isBase64Encoded: body.length > 0 && !isText,
    } as unknown as APIGatewayProxyEventV2;

    const result = await opts.invoke(route.spec.entry, event, fakeContext(route.spec.entry));
    sendResult(res, result);
  }

  function staticFile(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { message: 'Method Not Allowed' });
    let path = decoded(url.pathname) ?? '';
    // The same rewrites as the CloudFront function (SITE_REWRITES); `/` is the default object.
    if (path === '/') path = '/index.html';
    else path = rewrites.find((r) => r.re.test(path))?.page ?? path;
    const file = normalize(join(webRoot, path));
    if (!file.startsWith(webRoot + '/') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void res.end('Not found');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actual = (server.address() as { port: number }).port;
  return {
    server,
    port: actual,
    /**
     * Stops taking connections, lets every request under way finish (bounded), then closes.
     * A request refused by the closed socket was never read, so it wrote nothing.
     */
    async close() {
      draining = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      if (inflight > 0) {
        await new Promise<void>((ok) => {
          const timer = setTimeout(ok, DRAIN_MS);
          drained.once('idle', () => (clearTimeout(timer), ok()));
        });
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

/** HTTP API hands claims to the Lambda as strings; arrays become "[a b]". */
function flattenClaims(claims: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(claims)) {
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as string | number | boolean);
  }
  return out;
}

/** The path decoded once; undefined when its percent-encoding is malformed. */
function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function sendProblem(res: ServerResponse, status: number, title: string, detail: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Maps a handler's result the way HTTP API payload format 2.0 does. */
function sendResult(res: ServerResponse, result: unknown): void {
  if (result === undefined || result === null || typeof result !== 'object' || !('statusCode' in result)) {
    // A bare value: HTTP API answers 200 with it as JSON.
    return sendJson(res, 200, result ?? null);
  }
  const r = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k] = String(v);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  res.writeHead(r.statusCode ?? 200, headers);
  res.end(r.body ? (r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body) : undefined);
}
