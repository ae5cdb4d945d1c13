import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { conflict, DomainError, errorCodes, invalidFields, notFound, refused } from '../domain/errors';
import { ClientError, installErrorHandler } from './errors';

/** One route per refusal: what the HTTP layer answers for each domain code. */
async function answerTo(err: Error) {
  const app = Fastify();
  installErrorHandler(app);
  app.get('/refuse', async () => {
    throw err;
  });
  const res = await app.inject({ url: '/refuse' });
  await app.close();
  return { status: res.statusCode, body: res.json() };
}

describe('errors with codes', () => {
  it('maps each domain code to its status, with the code as `error`', async () => {
    const expected = {
      invalid_request: 400,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      too_large: 413,
      rate_limited: 429,
    } as const;
    expect(Object.keys(expected).sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) {
      const { status, body } = await answerTo(new DomainError(code, `refused: ${code}`));
      expect(status).toBe(expected[code]);
      expect(body).toEqual({ error: code, message: `refused: ${code}` });
    }
  });

  it('gives the helpers their codes and keeps field issues in the documented shape', async () => {
    expect(notFound().code).toBe('not_found');
    expect(conflict('taken').code).toBe('conflict');
    expect(refused('no').code).toBe('forbidden');
    const { status, body } = await answerTo(
      invalidFields([{ field: 'body.reason', message: 'must be 1 to 500 characters' }]),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid_request',
      message: 'body.reason: must be 1 to 500 characters',
      issues: [{ field: 'body.reason', message: 'must be 1 to 500 characters' }],
    });
  });

  it('answers an HTTP-layer refusal with its own status and never a stack trace for the unexpected', async () => {
    expect(await answerTo(new ClientError(415, 'Send multipart.'))).toEqual({
      status: 415,
      body: { error: 'unsupported_media_type', message: 'Send multipart.' },
    });
    const crash = await answerTo(new Error('secret internals at line 12'));
    expect(crash).toEqual({
      status: 500,
      body: { error: 'internal_error', message: 'Something went wrong on our side.' },
    });
  });
});
