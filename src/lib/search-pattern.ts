/** `%q%` for ILIKE with the user's own `%`, `_` and `\` taken literally. */
export function containsPattern(q: string) {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Dutch postcodes are written "1234 AB", "1234ab" or "1234AB"; compare without spaces, upper case. */
export function normalisePostcode(q: string) {
  return q.replace(/\s+/g, '').toUpperCase();
}

/** Offset pagination as the API speaks it (`page` from 1). */
export interface PageRequest {
  page: number;
  pageSize: number;
}
export const offsetOf = ({ page, pageSize }: PageRequest) => (page - 1) * pageSize;
