/** The token of an `Authorization: Bearer <token>` header; undefined when it is missing or not of that form. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
}
