import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../domain/errors';
import { ForbiddenError } from '../policy/policy';

export { badRequest, conflict, DomainError, invalidFields, notFound } from '../domain/errors';

/** The status each domain refusal answers with; the body's `error` is the code itself. */
const statusOf: Record<ErrorCode, number> = {
  invalid_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
};

/**
 * A refusal decided by the HTTP layer itself (no credentials, a cross-site write, a wrong content
 * type, too many requests): it has a status and no domain meaning. Domain code throws DomainError.
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

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [
          err.validationContext,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message,
      }));
      return reply.status(400).send({
        error: 'invalid_request',
        message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        issues,
      });
    }
    if (err instanceof ForbiddenError) {
      return reply.status(403).send({ error: 'forbidden', message: 'You may not do this.' });
    }
    if (err instanceof DomainError || err instanceof ClientError) {
      const [status, code] =
        err instanceof DomainError
          ? [statusOf[err.code], err.code]
          : [err.statusCode, codeFor(err.statusCode)];
      // field problems travel as `issues`, in the same shape as schema validation's
      const issues = (err.details as { issues?: unknown } | undefined)?.issues;
      return reply.status(status).send({
        error: code,
        message: err.message,
        ...(issues ? { issues } : { details: err.details }),
      });
    }
    const badValue = databaseValueProblem(err);
    if (badValue) return reply.status(400).send({ error: 'invalid_request', message: badValue });
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      request.log.error({ err }, 'unhandled error');
      return reply
        .status(500)
        .send({ error: 'internal_error', message: 'Something went wrong on our side.' });
    }
    return reply.status(status).send({ error: codeFor(status), message: err.message });
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` });
  });
}

function codeFor(status: number) {
  return (
    {
      400: 'invalid_request',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      409: 'conflict',
      413: 'too_large',
      415: 'unsupported_media_type',
      429: 'rate_limited',
    }[status] ?? 'error'
  );
}

/**
 * A safety net under the zod schemas: values PostgreSQL refuses as data (a number out of range, text
 * it cannot store) are the client's mistake, not ours — 400, without the SQL or the values.
 */
const valueErrorCodes: Record<string, string> = {
  '22003': 'A number is out of range.',
  '22P02': 'A value has the wrong form.',
  '22007': 'A date or time has the wrong form.',
  '22008': 'A date or time is out of range.',
  '22021': 'Text contains a character that cannot be stored (such as NUL).',
  '22P05': 'Text contains a character that cannot be stored (such as NUL).',
  '54000': 'A value is too long.',
};
function databaseValueProblem(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  return typeof code === 'string' ? valueErrorCodes[code] : undefined;
}
