import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { sendPersonalDataUncached } from '../personal-data';

type RouteModule = { register: (app: FastifyInstance, ctx: AppContext) => Promise<void> };

/** Every route module, mounted in one place. Each exports `register(app, ctx)` and stays thin. */
const modules: Array<() => Promise<RouteModule>> = [
  () => import('./auth'),
  () => import('./public'),
  () => import('./me'),
  () => import('./organisation'),
  () => import('./admin-users'),
  () => import('./api-keys'),
  () => import('./audit-log'),
  () => import('./event-processing'),
  () => import('./outbox'),
  () => import('./teams'),
  () => import('./employees'),
  () => import('./contractors'),
  () => import('./units'),
  () => import('./tenants'),
  () => import('./tenant-data'),
  () => import('./jobs'),
  () => import('./ingest'),
  () => import('./imports'),
  () => import('./questionnaires'),
  () => import('./survey-settings'),
  () => import('./responses'),
  () => import('./job-survey'),
  () => import('./metrics'),
];

export async function registerRoutes(app: FastifyInstance, ctx: AppContext) {
  // before any route: a route with `config: personalData` is answered with Cache-Control: no-store
  sendPersonalDataUncached(app);
  for (const load of modules) {
    const mod = await load();
    await app.register(async (scoped) => mod.register(scoped, ctx));
  }
}
