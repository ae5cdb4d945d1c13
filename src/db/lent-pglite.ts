import type { PGlite } from '@electric-sql/pglite';
import { type Database, pgliteDatabase } from './client';

/**
 * One open PGlite lent out in turn (the tests reuse one across test files). Each `lend()` answers
 * a Database whose `close()` ends that borrower's use only: whatever of it still runs afterwards
 * (a timer, a late promise) is refused, as by a closed PGlite, instead of writing into the next
 * borrower's data. `own` stays open; its owner closes it.
 */
export function lendPglite(own: Database) {
  if (own.kind !== 'pglite') throw new Error('lendPglite needs a PGlite database');
  const client = (own.db as unknown as { $client: PGlite }).$client;
  return {
    lend: () => pgliteDatabase(closable(client)),
    isInTransaction: () => client.isInTransaction(),
  };
}

function closable(client: PGlite): PGlite {
  let open = true;
  return new Proxy(client, {
    get(target, property) {
      if (property === 'close')
        return async () => {
          open = false;
        };
      if (property === 'closed') return !open || target.closed;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        open ? value.apply(target, args) : Promise.reject(new Error('PGlite is closed'));
    },
  });
}
