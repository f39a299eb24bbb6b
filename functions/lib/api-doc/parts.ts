/** The pieces every operation of the document is written with. */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import type { ResponseName } from './responses';

export type Schema = Record<string, unknown>;
/** A response: its description, and the named schema or the media type of its body. */
export interface Answer {
  description: string;
  body?: ResponseName | { text: 'text/calendar' | 'text/csv' } | { json: Schema };
  headers?: Record<string, { description: string; schema: Schema }>;
}

export interface Operation {
  summary: string;
  undocumented?: boolean;
  description?: string;
  parameters?: Schema[];
  /** The request body's schema (the one the handler validates with), whether a body is required, and its media type (JSON unless named). */
  request?: { schema: Schema; required?: boolean; mediaType?: string };
  responses: Record<string, Answer>;
  /** How the caller proves who they are when it is not a team token (a secret in the path). */
  secretInPath?: string;
}

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const query = (name: string, description: string, schema: Schema = { type: 'string' }): Schema => ({ name, in: 'query', required: false, description, schema });
export const pathParam = (name: string, description: string, schema: Schema = { type: 'string' }): Schema => ({ name, in: 'path', required: true, description, schema });

/** JSON Schema of a request body schema (what it accepts as JSON; refinements are in the descriptions). */
export function bodySchema(schema: GenericSchema): Schema {
  const { $schema: _s, ...out } = toJsonSchema(schema, { errorMode: 'ignore', typeMode: 'input' }) as Schema;
  return out;
}

export const problem = (description: string): Answer => ({ description, body: 'Problem' });
export const FIELD_ERRORS = problem('Invalid input; `errors` names each field, every bad one at once');
export const NOT_FOUND = problem('No such resource');
export const CONFLICT = problem('The event does not fit the item’s phase; `detail` says why');
export const TOO_LARGE = problem('Body too large; nothing stored');
export const NOT_JSON = problem('Not application/json; nothing stored');
export const BODY_ANSWERS = { '413': TOO_LARGE, '415': NOT_JSON };
export const RETRY = { description: 'Seconds to wait before retrying', schema: { type: 'string' } };
export const STORE_DOWN: Answer = { ...problem('The data store did not answer; retry (intake with the same Idempotency-Key is never recorded twice)'), headers: { 'retry-after': RETRY } };
export const RATE_LIMITED: Answer = { description: 'Too many requests from this address (public routes are rate-limited)' };

