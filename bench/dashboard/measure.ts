import type { DashboardServer } from './children';
import { factsOf, firstDifference } from './facts';
import { type DashboardPlan, type RoleName, roles, type ScreenName, type ScreenSpec, screens } from './plan';
import { appRequest, referenceRequest, timed } from './requests';

export type Size = 'small' | 'large';
export type Kind = 'app' | 'sql' | 'node';
export const sampleKey = (size: Size, kind: Kind, role: RoleName, screen: ScreenName) =>
  `${size}|${kind}|${role}|${screen}`;

export interface Measured {
  samples: Map<string, number[]>;
  /** the app's facts per size, role and screen (from its first answer), for the Node reference */
  appFacts: Map<string, unknown>;
  differences: string[];
}

export interface SizedServer {
  size: Size;
  server: DashboardServer;
  cookies: Record<RoleName, string>;
  specs: Record<RoleName, ScreenSpec>;
}

/**
 * The app against the hand-written SQL: round after round, every role × screen × size, the app and
 * the reference one right after the other (which goes first alternates), so a busy moment of the
 * shared machine falls on both and on both sizes alike. The first `warmUp` rounds are not counted;
 * the first one's answers are compared.
 */
export async function measureAgainstSql(servers: SizedServer[], plan: DashboardPlan, today: string) {
  const measured: Measured = { samples: new Map(), appFacts: new Map(), differences: [] };
  const push = (key: string, ms: number) =>
    measured.samples.set(key, [...(measured.samples.get(key) ?? []), ms]);
  for (let round = 0; round < plan.warmUp + plan.rounds; round++) {
    for (const { name: role } of roles)
      for (const { name: screen } of screens)
        for (const s of servers) {
          const requests = {
            app: appRequest(s.server.url, screen, s.cookies[role], today),
            sql: referenceRequest(s.server.referenceUrl, screen, s.specs[role]),
          };
          const order: Array<'app' | 'sql'> = round % 2 ? ['app', 'sql'] : ['sql', 'app'];
          const answers: Record<string, unknown> = {};
          for (const kind of order) {
            const { ms, json } = await timed(requests[kind]);
            answers[kind] = json;
            if (round >= plan.warmUp) push(sampleKey(s.size, kind, role, screen), ms);
          }
          if (round > 0) continue;
          const app = factsOf(screen, answers.app as never);
          measured.appFacts.set(sampleKey(s.size, 'app', role, screen), app);
          const difference = firstDifference(app, factsOf(screen, answers.sql as never));
          if (difference)
            measured.differences.push(`${s.size}, ${role}, ${screen}: app ≠ SQL at ${difference}`);
        }
    if (round === plan.warmUp - 1 || round === plan.warmUp + plan.rounds - 1)
      console.error(`  dashboard: ${round < plan.warmUp ? 'warm-up' : 'measured'} rounds done`);
  }
  return measured;
}

/** The summarising-in-Node reference on the large size, after the app's server closed (PGlite: one process). */
export async function measureAgainstNode(
  node: DashboardServer,
  specs: Record<RoleName, ScreenSpec>,
  plan: DashboardPlan,
  measured: Measured,
) {
  for (let round = 0; round <= plan.nodeRounds; round++)
    for (const { name: role } of roles)
      for (const { name: screen } of screens) {
        if (screen === 'reactions') continue;
        const { ms, json } = await timed(referenceRequest(node.url, screen, specs[role]));
        if (round > 0) {
          const key = sampleKey('large', 'node', role, screen);
          measured.samples.set(key, [...(measured.samples.get(key) ?? []), ms]);
          continue;
        }
        const difference = firstDifference(
          measured.appFacts.get(sampleKey('large', 'app', role, screen)),
          factsOf(screen, json),
        );
        if (difference) measured.differences.push(`large, ${role}, ${screen}: app ≠ Node at ${difference}`);
      }
}
