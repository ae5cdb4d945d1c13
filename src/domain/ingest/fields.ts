import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { BUSINESS_TIME_ZONE } from '../../config';

/**
 * Field types shared by the batch API and the file import. They accept what an ERP sends (JSON)
 * and what Dutch spreadsheets hold (strings, `dd-mm-jjjj uu:mm`, `ja`/`nee`), so one row schema
 * per kind serves both doors.
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v);

/** Required text: trimmed, not empty. HTML stays as typed; it is escaped where shown. */
export const zText = (max = 500) => z.preprocess(trimmed, z.string().min(1, 'is required').max(max));
/** Optional text: an empty cell means "not given". */
export const zOptionalText = (max = 2000) =>
  z.preprocess((v) => blankToUndefined(trimmed(v)), z.string().max(max).optional());

const dutchDate = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/;
const isoLocal = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Wall-clock time in Europe/Amsterdam → instant; null when the parts do not form a real date. */
function amsterdam(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return null; // 31-02 and friends
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // TZDate asks Intl (~20 µs); an Amsterdam offset only changes on the hour, so it is remembered per wall-clock hour
  const hour = Math.floor(wall / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = wall - new TZDate(y, mo - 1, d, h, mi, s, BUSINESS_TIME_ZONE).getTime();
    if (offsetByHour.size > 200_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return new Date(wall - offset);
}
const offsetByHour = new Map<number, number>();

/** ISO 8601 (offset optional: without it, Amsterdam time) or Dutch `dd-mm-jjjj [uu:mm]`. */
export function parseTimestamp(text: string): Date | null {
  const s = text.trim();
  if (hasOffset.test(s)) {
    const d = new Date(s.replace(' ', 'T'));
    return Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(s) ? null : d;
  }
  const iso = isoLocal.exec(s);
  if (iso) return amsterdam(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
  const nl = dutchDate.exec(s);
  if (nl) return amsterdam(+nl[3]!, +nl[2]!, +nl[1]!, +(nl[4] ?? 0), +(nl[5] ?? 0), +(nl[6] ?? 0));
  return null;
}

const timestampMessage = 'must be a date and time: ISO 8601 (2024-03-05T14:30:00+01:00) or dd-mm-jjjj uu:mm';
export const zTimestamp = () =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    if (b === undefined || b === null || b instanceof Date) return b ?? undefined;
    return typeof b === 'string' ? (parseTimestamp(b) ?? b) : b;
  }, z.date({ error: timestampMessage }).optional());

const yes = new Set(['true', '1', 'ja', 'j', 'yes', 'y', 'x', 'waar']);
const no = new Set(['false', '0', 'nee', 'n', 'no', 'onwaar']);
/** Boolean; in files also ja/nee, 1/0, yes/no. */
export const zFlag = () =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    if (typeof b !== 'string') return b;
    const t = b.trim().toLowerCase();
    return yes.has(t) ? true : no.has(t) ? false : b;
  }, z.boolean({ error: 'must be true or false (ja/nee)' }).optional());

/** One of fixed values; files may use the Dutch word (synonyms) and any letter case. */
export function zChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  synonyms: Record<string, T[number]> = {},
) {
  return z.preprocess(choiceOf(synonyms), z.enum(values, { error: `must be one of: ${values.join(', ')}` }));
}
export function zOptionalChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  synonyms: Record<string, T[number]> = {},
) {
  return z.preprocess(
    choiceOf(synonyms),
    z.enum(values, { error: `must be one of: ${values.join(', ')}` }).optional(),
  );
}
const choiceOf = (synonyms: Record<string, string>) => (v: unknown) => {
  const b = blankToUndefined(v);
  if (typeof b !== 'string') return b;
  const t = b
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return synonyms[t] ?? t;
};

/** Dutch postcodes are stored as `1234 AB`; anything else is kept as given. */
export const zPostcode = () =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const m = /^(\d{4})\s*([a-zA-Z]{2})$/.exec(v.trim());
    return m ? `${m[1]} ${m[2]!.toUpperCase()}` : v.trim();
  }, z.string().min(1, 'is required').max(20));
