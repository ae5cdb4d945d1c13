import type { AppContext } from '../context';

export const DEMO_PASSWORD = 'achtplus-demo';
export const DEMO_LOGINS = [
  { email: 'admin@demo.achtplus.nl', label: 'beheerder' },
  { email: 'teamleider@demo.achtplus.nl', label: 'teamleider / uitvoerder' },
  { email: 'vakman@demo.achtplus.nl', label: 'vakman' },
  { email: 'comaker@demo.achtplus.nl', label: 'comaker' },
  { email: 'directeur@demo.achtplus.nl', label: 'directeur' },
] as const;

/** Seeds the demo organisation into an empty database (mode auto: embedded installs only). */
export async function seedDemoIfEmpty(_opts: { ctx: AppContext; mode: 'auto' | 'yes' | 'no'; log: (m: string) => void }) {
  return { demo: false };
}
