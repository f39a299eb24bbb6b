import type { IncomingMessage } from 'node:http';

/**
 * A request's body, read whole; undefined once it passes `maxBytes` (the rest is read and
 * dropped, so the client still gets an answer). Every local endpoint reads bodies this way.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
    });
    req.on('end', () => ok(size > maxBytes ? undefined : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}
