import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppContext } from '../context';
import { systemActor } from '../policy/actor';
import { installErrorHandler } from './errors';
import { registerPageRoute } from './page-route';
import { ZPageQuery, ZSearchText } from './presenters/page';

const db = { marker: 'the context database' } as unknown as AppContext['db'];
const actor = systemActor('page-route test');
const calls: unknown[] = [];
const app = Fastify();

beforeAll(async () => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-test-actor']) request.actor = actor;
  });
  registerPageRoute(app, { db } as AppContext, {
    url: '/things',
    tags: ['things'],
    querystring: ZPageQuery.extend({ q: ZSearchText.optional() }),
    item: z.object({ id: z.number(), label: z.string() }),
    list: async (options) => {
      calls.push(options);
      const rows = [
        { id: 1, name: 'een', secret: 'x' },
        { id: 2, name: 'twee', secret: 'y' },
      ];
      return { rows, total: '42' as unknown as number }; // count(*) arrives as text on some drivers
    },
    present: (row) => ({ id: row.id, label: row.name.toUpperCase() }),
  });
  await app.ready();
});
afterAll(() => app.close());

describe('registerPageRoute', () => {
  it('hands the validated query with db and actor to the use case and presents one page', async () => {
    calls.length = 0;
    const res = await app.inject({ url: '/things?page=3&q=deur', headers: { 'x-test-actor': '1' } });
    expect(res.statusCode).toBe(200);
    expect(calls).toEqual([{ db, actor, page: 3, pageSize: 50, q: 'deur' }]);
    expect(res.json()).toEqual({
      items: [
        { id: 1, label: 'EEN' },
        { id: 2, label: 'TWEE' },
      ],
      page: 3,
      pageSize: 50,
      total: 42,
    });
  });

  it('refuses a query its schema refuses, and a request without an actor, before the use case', async () => {
    calls.length = 0;
    const tooLarge = await app.inject({ url: '/things?pageSize=201', headers: { 'x-test-actor': '1' } });
    expect(tooLarge.statusCode).toBe(400);
    const anonymous = await app.inject({ url: '/things' });
    expect(anonymous.statusCode).toBe(401);
    expect(calls).toEqual([]);
  });

  it('pages no deeper than the first 10,000 rows: a 400 naming querystring.page, before the use case', async () => {
    calls.length = 0;
    const headers = { 'x-test-actor': '1' };
    const deepest = await app.inject({ url: '/things?page=50&pageSize=200', headers });
    expect(deepest.statusCode).toBe(200);
    const tooDeep = await app.inject({ url: '/things?page=1000000&pageSize=200', headers });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().issues).toEqual([
      { field: 'querystring.page', message: expect.stringMatching(/at most page 50 .*narrow the filters/) },
    ]);
    const oneBeyond = await app.inject({ url: '/things?page=201', headers }); // pageSize 50
    expect(oneBeyond.json().issues).toMatchObject([{ field: 'querystring.page' }]);
    expect(calls).toHaveLength(1);
  });
});
