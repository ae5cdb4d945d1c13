import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

/** Every route module, mounted in one place. Each exports `register(app, ctx)`. */
const modules: Array<() => Promise<{ register: (app: FastifyInstance, ctx: AppContext) => Promise<void> }>> = [
  () => import('./auth'),
];

export async function registerRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const load of modules) {
    const mod = await load();
    await app.register(async (scoped) => mod.register(scoped, ctx));
  }
}
