import { z } from 'zod';
import { lastReachablePage, MAX_PAGED_ROWS } from '../../lib/paging';

/**
 * `?page=1&pageSize=50` (max 200), as every list of the API takes it, no deeper than the first
 * MAX_PAGED_ROWS rows. `.extend()` keeps the bound (zod carries refinements over to added fields).
 */
export const ZPageQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(({ page, pageSize }, ctx) => {
    if (page * pageSize <= MAX_PAGED_ROWS) return;
    ctx.addIssue({
      code: 'custom',
      path: ['page'],
      message: `at most page ${lastReachablePage(pageSize)} with pageSize ${pageSize}: lists are paged through their first ${MAX_PAGED_ROWS} results only (page × pageSize ≤ ${MAX_PAGED_ROWS}); narrow the filters to find the rest`,
    });
  });

/** A row id in a path; larger than PostgreSQL's integer would be a 500, so it is a 400 here. */
export const ZIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const ZOptionalId = z.coerce.number().int().positive().max(2_147_483_647).optional();

/** Search text as `?q=`; a NUL byte cannot reach PostgreSQL text, so it is refused here. */
export const ZSearchText = z
  .string()
  .max(200)
  .refine((q) => !q.includes('\u0000'), 'must not contain NUL characters');

/** A business date `YYYY-MM-DD` within years PostgreSQL and people agree on. */
export const ZBusinessDate = z.iso
  .date({ message: 'expected a date as YYYY-MM-DD' })
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'expected a date between 1900 and 2999');

/** `?flag=true|false` — query strings carry text, so `Boolean("false")` would lie. */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export function presentPage<R, T>(
  result: { rows: R[]; total: number },
  query: { page: number; pageSize: number },
  present: (row: R) => T,
) {
  return {
    items: result.rows.map(present),
    page: query.page,
    pageSize: query.pageSize,
    total: Number(result.total),
  };
}

export const ZRef = z.object({ id: z.number().int(), name: z.string() });

/** A left-joined reference comes back with null fields when absent; the API says `null`. */
export const refOrNull = (ref: { id: number | null; name: string | null } | null) =>
  ref && ref.id !== null && ref.name !== null ? { id: ref.id, name: ref.name } : null;

/** ISO 8601 for the API; `null` stays `null`. */
export const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());
