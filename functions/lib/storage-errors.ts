/** What an SDK error says about the table being reachable (no client here: the HTTP layer imports it). */
import { InternalServerError, ProvisionedThroughputExceededException, RequestLimitExceeded, ThrottlingException } from '@aws-sdk/client-dynamodb';

/** Errors of the network under the SDK: the table is not reachable right now. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The table did not answer, or asked us to slow down, after the SDK's own retries: a moment's
 * outage that a retry a little later may clear, not a fault in the request.
 */
export function storageUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  return (
    err instanceof ProvisionedThroughputExceededException ||
    err instanceof RequestLimitExceeded ||
    err instanceof ThrottlingException ||
    err instanceof InternalServerError
  );
}

