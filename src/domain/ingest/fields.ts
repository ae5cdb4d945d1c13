import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { BUSINESS_TIME_ZONE } from '../business-time/business-time';

/**
 * Field types shared by the batch API and the file import. They accept what an ERP sends (JSON)
 * and what Dutch spreadsheets hold (strings, `dd-mm-jjjj uu:mm`, `ja`/`nee`), so one row schema
 * per kind serves both doors.
 */

/** A fast rule's answer for "not valid: ask zod" (see fastParser). */
const FAIL = Symbol('fail');
const fastRules = new WeakMap<z.ZodType, (v: unknown) => unknown>();
function fast<S extends z.ZodType>(schema: S, rule: (v: unknown) => unknown): S {
  fastRules.set(schema, rule);
  return schema;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v);

/** Required text: trimmed, not empty. HTML stays as typed; it is escaped where shown. */
export const zText = (max = 500) =>
  fast(z.preprocess(trimmed, z.string().min(1, 'is required').max(max)), (v) => {
    const t = trimmed(v);
    return typeof t === 'string' && t.length >= 1 && t.length <= max ? t : FAIL;
  });
/** Optional text: an empty cell means "not given". */
export const zOptionalText = (max = 2000) =>
  fast(
    z.preprocess((v) => blankToUndefined(trimmed(v)), z.string().max(max).optional()),
    (v) => {
      const t = blankToUndefined(trimmed(v));
      return t === undefined || (typeof t === 'string' && t.length <= max) ? t : FAIL;
    },
  );

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
const timestampOf = (v: unknown) => {
  const b = blankToUndefined(v);
  if (b === undefined || b === null || b instanceof Date) return b ?? undefined;
  return typeof b === 'string' ? (parseTimestamp(b) ?? b) : b;
};
export const zTimestamp = () =>
  fast(z.preprocess(timestampOf, z.date({ error: timestampMessage }).optional()), (v) => {
    const t = timestampOf(v);
    return t === undefined || (t instanceof Date && !Number.isNaN(t.getTime())) ? t : FAIL;
  });

const yes = new Set(['true', '1', 'ja', 'j', 'yes', 'y', 'x', 'waar']);
const no = new Set(['false', '0', 'nee', 'n', 'no', 'onwaar']);
/** Boolean; in files also ja/nee, 1/0, yes/no. */
const flagOf = (v: unknown) => {
  const b = blankToUndefined(v);
  if (typeof b !== 'string') return b;
  const t = b.trim().toLowerCase();
  return yes.has(t) ? true : no.has(t) ? false : b;
};
export const zFlag = () =>
  fast(z.preprocess(flagOf, z.boolean({ error: 'must be true or false (ja/nee)' }).optional()), (v) => {
    const t = flagOf(v);
    return t === undefined || typeof t === 'boolean' ? t : FAIL;
  });

/** One of fixed values; files may use the Dutch word (synonyms) and any letter case. */
export function zChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  synonyms: Record<string, T[number]> = {},
) {
  const of = choiceOf(synonyms);
  const allowed = new Set<unknown>(values);
  return fast(z.preprocess(of, z.enum(values, { error: `must be one of: ${values.join(', ')}` })), (v) => {
    const t = of(v);
    return allowed.has(t) ? t : FAIL;
  });
}
export function zOptionalChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  synonyms: Record<string, T[number]> = {},
) {
  const of = choiceOf(synonyms);
  const allowed = new Set<unknown>(values);
  return fast(
    z.preprocess(of, z.enum(values, { error: `must be one of: ${values.join(', ')}` }).optional()),
    (v) => {
      const t = of(v);
      return t === undefined || allowed.has(t) ? t : FAIL;
    },
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
const postcodeOf = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const m = /^(\d{4})\s*([a-zA-Z]{2})$/.exec(v.trim());
  return m ? `${m[1]} ${m[2]!.toUpperCase()}` : v.trim();
};
export const zPostcode = () =>
  fast(z.preprocess(postcodeOf, z.string().min(1, 'is required').max(20)), (v) => {
    const t = postcodeOf(v);
    return typeof t === 'string' && t.length >= 1 && t.length <= 20 ? t : FAIL;
  });

/**
 * Bulk files run each field's rule without zod's machinery (about five times faster): every field type
 * above registers the same conversion plus its checks. A row any rule refuses goes to zod, which stays
 * the authority and words the problem; a row the fast rules accept is exactly what zod would return.
 */
const fastParsers = new WeakMap<z.ZodType, ((raw: Record<string, unknown>) => unknown) | null>();

/** The fast parser of an object schema whose fields all have fast rules; null when one lacks it. */
export function fastParser<T>(schema: z.ZodType<T>): ((raw: Record<string, unknown>) => T | null) | null {
  let parser = fastParsers.get(schema);
  if (parser === undefined) {
    const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
    const rules = shape ? Object.entries(shape).map(([key, s]) => [key, fastRules.get(s)] as const) : [];
    parser =
      shape && rules.every(([, rule]) => rule)
        ? (raw) => {
            const row: Record<string, unknown> = {};
            for (const [key, rule] of rules) {
              const value = rule!(raw[key]);
              if (value === FAIL) return null;
              if (value !== undefined || key in raw) row[key] = value;
            }
            return row;
          }
        : null;
    fastParsers.set(schema, parser);
  }
  return parser as ((raw: Record<string, unknown>) => T | null) | null;
}
