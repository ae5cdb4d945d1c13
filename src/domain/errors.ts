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

export interface FieldIssue {
  field: string;
  message: string;
}
/** A 400 naming each field and its problem: message `field: problem; …`, and `issues` for clients. */
export const invalidFields = (issues: FieldIssue[]) =>
  badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
