import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import type { Actor } from '../policy/actor';
import { actorOf } from './authenticate';
import { presentPage, type ZPageQuery, zPage } from './presenters/page';

export interface PageRoute<Q extends typeof ZPageQuery, Row, Item extends z.ZodType> {
  url: string;
  tags: string[];
  summary?: string;
  /** `ZPageQuery.extend({ …filters })`: validated, then passed to `list` as it is */
  querystring: Q;
  item: Item;
  /** the use case: gets `{ db, actor, page, pageSize, …filters }`, answers one page and the total */
  list: (options: { db: Db; actor: Actor } & z.output<Q>) => Promise<{ rows: Row[]; total: number }>;
  present: (row: Row) => z.output<Item>;
  /** the items carry personal data: answered with Cache-Control: no-store (see personal-data.ts) */
  personalData?: boolean;
}

/**
 * A paged list of the API: `GET url?page&pageSize&…filters` → `{ items, page, pageSize, total }`.
 * The query is validated by its schema, the use case scopes and pages, every row is presented.
 */
export function registerPageRoute<Q extends typeof ZPageQuery, Row, Item extends z.ZodType>(
  app: FastifyInstance,
  ctx: AppContext,
  route: PageRoute<Q, Row, Item>,
) {
  const { url, tags, summary, querystring, item, list, present, personalData = false } = route;
  app.withTypeProvider<ZodTypeProvider>().get(
    url,
    {
      config: { personalData },
      schema: { tags, ...(summary && { summary }), querystring, response: { 200: zPage(item) } },
    },
    async (request) => {
      const query = request.query as z.output<Q>;
      const result = await list({ db: ctx.db, actor: actorOf(request), ...query });
      return presentPage(result, query, present);
    },
  );
}
