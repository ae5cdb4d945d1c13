import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ForbiddenError } from '../policy/policy';

/** A domain error the client can act on; becomes a 4xx with this message, never a stack trace. */
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
    if (err instanceof ClientError) {
      return reply
        .status(err.statusCode)
        .send({ error: codeFor(err.statusCode), message: err.message, details: err.details });
    }
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
