import JSZip from 'jszip';

/**
 * An .xlsx is a zip, and a small upload can unpack to gigabytes. exceljs (`workbook.xlsx.load`) opens
 * it with JSZip and inflates every part into memory, so before it does we look at the same archive with
 * the same JSZip (what we check is what exceljs will read) and refuse it when
 * - it has more parts than any workbook needs (JSZip keeps an object for every central-directory
 *   record, several thousand a second), counted as central-directory signatures in the whole file,
 *   which no parser can exceed however the end record lies;
 * - the parts declare more than MAX_XLSX_UNPACKED_BYTES together;
 * - a part inflates to more than it declares: JSZip compares only after it has inflated the whole part,
 *   so this pass inflates each part as a stream, keeps nothing and stops at the first byte too many.
 */
// exceljs holds the whole workbook in memory at 15-20 times its XML: 32 MB of XML is about 600 MB of
// memory and some 70,000 rows of 15 columns; larger tables come as CSV (up to MAX_IMPORT_BYTES)
export const MAX_XLSX_UNPACKED_BYTES = 32 * 1024 * 1024;
export const MAX_XLSX_PARTS = 10_000;

const CENTRAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
// the outcome for a buffer already checked (the route checks before a run is recorded, readTable again)
const checked = new WeakMap<Buffer, string | null>();

/** Why this zip may not be opened, in words for the uploader; null when it may (or is no zip at all). */
export async function xlsxUnpackProblem(bytes: Buffer): Promise<string | null> {
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) return null;
  const known = checked.get(bytes);
  if (known !== undefined) return known;
  const problem = await findProblem(bytes);
  checked.set(bytes, problem);
  return problem;
}

const tooLarge = `the spreadsheet unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB; save it as CSV or split it into smaller files`;

async function findProblem(bytes: Buffer): Promise<string | null> {
  if (countOf(bytes, CENTRAL_FILE_HEADER, MAX_XLSX_PARTS + 1) > MAX_XLSX_PARTS)
    return `the spreadsheet consists of more than ${MAX_XLSX_PARTS} parts; it is not an ordinary XLSX file`;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null; // not a zip JSZip can open: exceljs fails on it the same way, without inflating anything
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  let declared = 0;
  for (const part of parts) declared += declaredSize(part) ?? 0;
  if (declared > MAX_XLSX_UNPACKED_BYTES) return tooLarge;
  let total = 0;
  for (const part of parts) {
    // a part may not grow past what it declares, nor all of them past the bound
    const limit = Math.min(declaredSize(part) ?? MAX_XLSX_UNPACKED_BYTES, MAX_XLSX_UNPACKED_BYTES - total);
    const size = await inflatedSize(part, limit);
    if (size === 'too large')
      return limit < MAX_XLSX_UNPACKED_BYTES - total
        ? 'the spreadsheet unpacks to more than its parts declare; it is damaged or not an ordinary XLSX file'
        : tooLarge;
    if (size === 'unreadable') return null; // exceljs's inflating fails on it too
    total += size;
  }
  return null;
}

/** The uncompressed size from the central directory (JSZip keeps it on the part, not in its typings). */
function declaredSize(part: JSZip.JSZipObject): number | null {
  const size = (part as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : null;
}

/** Inflates a part as a stream, counting and dropping the bytes; stops as soon as it passes `limit`. */
function inflatedSize(part: JSZip.JSZipObject, limit: number): Promise<number | 'too large' | 'unreadable'> {
  return new Promise((resolve) => {
    const stream = part.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners('data');
        stream.destroy();
        resolve('too large');
      }
    });
    stream.on('error', () => resolve(size > limit ? 'too large' : 'unreadable'));
    stream.on('end', () => resolve(size));
  });
}

function countOf(bytes: Buffer, needle: Buffer, stopAt: number) {
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1 && count < stopAt; at = bytes.indexOf(needle, at + 1))
    count++;
  return count;
}
