/**
 * A refusal the caller can act on (not found, invalid, conflict). Use cases throw it; the HTTP layer
 * turns it into a 4xx with this message and never a stack trace. It lives here so that domain code
 * does not depend on the HTTP layer.
 */
export class ClientError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}
export const notFound = (what = 'Not found') => new ClientError(404, what);
export const badRequest = (message: string, details?: unknown) => new ClientError(400, message, details);
