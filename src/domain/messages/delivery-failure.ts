/** Where a delivery failure is written: the process's logger (pino's `warn(object, message)`). */
export interface DeliveryLog {
  warn(details: object, message: string): void;
}

/**
 * What a failed delivery may say in a log line: the provider's error code, its answer code and the
 * first line of its message, with every address and phone number taken out — an SMTP server names
 * the refused recipient, a gateway may echo the number. Never the body, never the recipient.
 */
export function describeDeliveryFailure(err: unknown, recipient: string) {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = typeof e.code === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(e.code) ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const firstLine = String(e.message ?? err)
    .split('\n', 1)[0]!
    .slice(0, 300);
  return { code, responseCode, reason: withoutAddresses(firstLine, recipient).slice(0, 200) };
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;
// a run of digits with the separators phone numbers are written with; short ones ("550 5.1.1", ports) stay
const NUMBER = /\+?\d[\d\s().-]{5,}\d/g;

export function withoutAddresses(text: string, recipient: string): string {
  let out = text;
  const exact = recipient.trim();
  if (exact) out = out.split(exact).join('<recipient>');
  out = out.replace(EMAIL, '<address>');
  return out.replace(NUMBER, (run) => (run.replace(/\D/g, '').length >= 8 ? '<number>' : run));
}
