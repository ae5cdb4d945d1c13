import { closeContext, createContext } from '../../boot';
import { loadConfig } from '../../config';
import type { AppContext } from '../../context';
import { lockDataDir } from '../../db/data-dir-lock';

/** Opens the configured database for a CLI command; on PGlite it takes the data-folder lock. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const unlock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
  const ctx = await createContext(config);
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
    unlock();
  }
}
