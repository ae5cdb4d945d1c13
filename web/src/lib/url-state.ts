import { useSearchParams } from 'react-router';

/** List filters live in the URL, so a search can be bookmarked, shared and survives "back". */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  // from the current URL, not this render's: two fields changing in quick succession both count
  const set = (patch: Partial<Record<K | 'page', string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(patch) as [string, string | null][]) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        // a new filter starts at the first page again
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { values, page, set };
}
