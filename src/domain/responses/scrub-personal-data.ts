/**
 * What we know about the tenant a comment came from, to take it out of the text when the response
 * is unlinked (retention or erasure). All optional: an unknown tenant still loses addresses and numbers.
 */
export interface KnownPersonalData {
  name?: string | null;
  email?: string | null;
  mobile?: string | null;
  /** the street of the home the job was at */
  street?: string | null;
}

// Dutch name particles: never removed on their own ("van" and "de" are ordinary words too)
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'het',
  'ten',
  'ter',
  'te',
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'del',
  'el',
  'al',
  'bin',
]);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// nine or more digits, optionally separated (06-12345678, +31 6 1234 5678, 0031612345678)
const PHONE = /(?<![\p{N}])(?:\+|00)?\d(?:[\s().-]{0,2}\d){8,}(?![\p{N}])/gu;

// a `u` regex refuses needless escapes such as `\-`: escape only what is syntax outside a class
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** the words as whole words, case-insensitive, whatever the alphabet (é, ü, ç count as letters) */
const wholeWord = (words: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(words)}(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The tenant's name parts worth removing: the whole name, then every word of three or more letters
 * that is not a particle (so "J. van der Berg" removes "J. van der Berg" and "Berg", not "van").
 */
function nameParts(name: string): string[] {
  const whole = name.trim().replace(/\s+/g, ' ');
  if (!whole) return [];
  const words = whole
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => [...w].length >= 3 && !PARTICLES.has(w.toLowerCase()));
  return [whole, ...new Set(words)];
}

/**
 * Takes the tenant's name, contact data and street out of a free-text answer, and any e-mail
 * address or phone number at all. Best effort by design: the comment stays because it is the
 * figures' context; what we can recognise as the tenant is replaced by a marker. Errs on the side
 * of removing (a surname that is also a word goes wherever it appears as a word).
 */
export function scrubPersonalData(text: string, known: KnownPersonalData = {}): string {
  let out = text;
  if (known.email?.trim()) out = out.replace(wholeWord(known.email.trim()), '[e-mail]');
  out = out.replace(EMAIL, '[e-mail]');
  out = out.replace(PHONE, '[telefoon]');
  const mobile = known.mobile?.replace(/\D/g, '');
  if (mobile && mobile.length >= 6) out = out.replace(wholeWord(mobile), '[telefoon]');
  if (known.street && [...known.street.trim()].length >= 3)
    out = out.replace(wholeWord(known.street.trim()), '[straat]');
  for (const part of nameParts(known.name ?? '')) out = out.replace(wholeWord(part), '[naam]');
  return out;
}
