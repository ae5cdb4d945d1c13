/** The user's own `%`, `_` and `\` taken literally in a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%q%` for ILIKE, the text taken literally. */
export function containsPattern(q: string) {
  return `%${escapeLike(q.trim())}%`;
}

/** `q%` for LIKE, the text taken literally. */
export const prefixPattern = (q: string) => `${escapeLike(q)}%`;

/**
 * Dutch postcodes are written "1234 AB", "1234ab" or "1234AB"; compare without spaces, upper case,
 * as a prefix. `null` when the search text cannot be (the start of) a postcode.
 */
export function postcodePrefix(q: string): string | null {
  const normalised = q.replace(/\s+/g, '').toUpperCase();
  return /^\d{2,4}$|^\d{4}[A-Z]{1,2}$/.test(normalised) ? `${normalised}%` : null;
}

/** Offset pagination as the API speaks it (`page` from 1). */
export interface PageRequest {
  page: number;
  pageSize: number;
}
export const offsetOf = ({ page, pageSize }: PageRequest) => (page - 1) * pageSize;

/**
 * What a search text can be, so a query only scans what could match: a postcode is looked up by
 * its index, a single token with digits ("WO-1234") is a work-order or external id, and only text
 * with a space or without digits ("Markt 12", "dorpsstraat") is worth a scan of the addresses.
 */
export function searchKinds(q: string) {
  const postcode = postcodePrefix(q);
  const text = q.trim();
  return { postcode, address: !postcode && (/\s/.test(text) || !/\d/.test(text)) };
}
