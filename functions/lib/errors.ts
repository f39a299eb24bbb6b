/** Typed errors the adapters raise and the HTTP layer maps to problem+json answers. */
export interface FieldErrorLike {
  field: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly errors?: FieldErrorLike[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (detail: string, errors?: FieldErrorLike[]) => new HttpError(400, 'Bad request', detail, errors);
/** A body its schema refused: not an object at all, or the fields it names (`detail` says of what). */
export const invalidBody = (detail: string, errors: FieldErrorLike[]) =>
  errors.length === 1 && errors[0]!.field === '' ? badRequest('The body must be a JSON object') : badRequest(detail, errors);
export const notFound = (detail: string) => new HttpError(404, 'Not found', detail);
export const conflict = (detail: string) => new HttpError(409, 'Conflict', detail);
export const unauthorized = (detail: string) => new HttpError(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpError(403, 'Forbidden', detail);

/** A conditional write found the record changed since it was read. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
}

/** The record a write expected to create already exists. */
export class AlreadyExistsError extends Error {
  override name = 'AlreadyExistsError';
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A cursor that does not decode to a key of the listed partition. */
export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

/** A mail message refused before it is parsed (too large, built to exhaust the parser, not mail). */
export class MailRefusedError extends Error {
  override name = 'MailRefusedError';
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}
