/**
 * The middy stack every HTTP handler shares: JSON body parsing with a size limit, errors as
 * `application/problem+json` without stack traces, one access log line without personal data.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DeadlineInputError } from '../../core/deadlines/errors';
import { EventRejectedError } from '../../core/lifecycle/errors';
import { EventInvalidError } from '../../core/lifecycle/events';
import { StatusInputError } from '../../core/status';
import { storageUnavailable } from './storage-errors';
import { AlreadyExistsError, BadCursorError, HttpError, MailRefusedError, NotFoundError, VersionConflictError } from './errors';
import { logger } from './logger';

export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResult>;

/** Bodies larger than this are refused before parsing; a record request is a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...BASE_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function problem(status: number, title: string, detail: string, errors?: { field: string; message: string }[]): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...BASE_HEADERS },
    body: JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors?.length ? { errors } : {}) }),
  };
}

/** Parses the JSON body of a request; every failure is a 4xx naming what is wrong. */
export function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new HttpError(413, 'Payload too large', `The body must be at most ${MAX_BODY_BYTES} bytes`);
  }
  const type = event.headers?.['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'Unsupported media type', 'Send the body as application/json');
  }
  if (text.trim() === '') throw new HttpError(400, 'Bad request', 'The body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Bad request', 'The body is not valid JSON');
  }
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Domain and adapter errors as HTTP answers, in one table: a handler throws, it never maps.
 * The first row whose class the error is an instance of answers.
 */
const ERROR_ANSWERS: readonly [ErrorClass, (err: never) => HttpResult][] = [
  [HttpError, (e: HttpError) => problem(e.status, e.title, e.message, e.errors)],
  // The engine names the parameter it could not use: that is the caller's input, not a fault.
  [DeadlineInputError, (e: DeadlineInputError) => problem(400, 'Bad request', e.message, [{ field: e.field ?? 'params', message: e.reason }])],
  [EventInvalidError, (e: EventInvalidError) => problem(400, 'Bad request', 'The event has invalid fields', e.errors)],
  [EventRejectedError, (e: EventRejectedError) => problem(409, 'Conflict', e.message)],
  [VersionConflictError, (e: VersionConflictError) => problem(409, 'Conflict', e.message)],
  [AlreadyExistsError, (e: AlreadyExistsError) => problem(409, 'Conflict', e.message)],
  [BadCursorError, (e: BadCursorError) => problem(400, 'Bad request', e.message, [{ field: 'cursor', message: e.message }])],
  [NotFoundError, (e: NotFoundError) => problem(404, 'Not found', e.message)],
  [StatusInputError, (e: StatusInputError) => problem(400, 'Bad request', 'The query has invalid parameters', [{ field: e.field, message: e.message }])],
  [MailRefusedError, (e: MailRefusedError) => problem(e.tooLarge ? 413 : 400, e.tooLarge ? 'Payload too large' : 'Bad request', `${e.message}; nothing was stored`)],
];

/** Seconds a client should wait before retrying when the table did not answer. */
const STORAGE_RETRY_AFTER_SECONDS = 5;

/** The problem+json answer for an error, or undefined for an unexpected one (a 500). */
export function answerFor(err: unknown): HttpResult | undefined {
  const row = ERROR_ANSWERS.find(([cls]) => err instanceof cls);
  if (row) return row[1](err as never);
  if (storageUnavailable(err)) {
    const answer = problem(503, 'Service unavailable', 'The data store did not answer. Retry in a few seconds; intake retried with the same Idempotency-Key is never recorded twice.');
    return { ...answer, headers: { ...answer.headers, 'retry-after': String(STORAGE_RETRY_AFTER_SECONDS) } };
  }
  return undefined;
}

/** Wraps a bare handler with the shared middleware. */
export function httpHandler(fn: HttpHandler) {
  return middy<APIGatewayProxyEventV2, HttpResult>()
    .use({
      onError: async (request) => {
        const err = request.error;
        const answer = answerFor(err);
        if (answer) {
          request.response = answer;
        } else {
          // Name only: messages of unexpected errors may quote data.
          logger.error('unhandled error', { errorName: err?.name, route: request.event.routeKey });
          request.response = problem(500, 'Internal error', 'Something went wrong on our side; nothing was changed unless a receipt was shown.');
        }
      },
      after: async (request) => {
        logger.info('request', {
          route: request.event.routeKey,
          status: request.response?.statusCode,
          requestId: request.event.requestContext?.requestId,
        });
      },
    })
    .handler(fn);
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()];
}
