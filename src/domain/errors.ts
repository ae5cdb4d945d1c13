/**
 * A refusal the caller can act on. Use cases throw it with a code saying what kind of refusal it is;
 * the HTTP layer (src/http/errors.ts) maps each code to a status and never sends a stack trace. Domain
 * code knows codes, not HTTP statuses.
 */
export const errorCodes = [
  'invalid_request',
  'not_found',
  'forbidden',
  'conflict',
  'rate_limited',
  'too_large',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new DomainError('not_found', what);
export const badRequest = (message: string, details?: unknown) =>
  new DomainError('invalid_request', message, details);
export const conflict = (message: string) => new DomainError('conflict', message);
export const refused = (message: string) => new DomainError('forbidden', message);

export interface FieldIssue {
  field: string;
  message: string;
}
/** A 400 naming each field and its problem: message `field: problem; …`, and `issues` for clients. */
export const invalidFields = (issues: FieldIssue[]) =>
  badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
