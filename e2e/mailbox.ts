import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';

/** The e-mails the shared server sent to the SMTP server of e2e/global-setup.ts. */
export async function mailsTo(mailboxDir: string, address: string): Promise<ParsedMail[]> {
  const files = readdirSync(mailboxDir)
    .filter((f) => f.endsWith('.eml'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(mailboxDir, f)))));
  const wanted = address.toLowerCase();
  return mails.filter((m) => {
    const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
    return to.some((list) => list.value.some((a) => a.address?.toLowerCase() === wanted));
  });
}

/** Waits until at least one e-mail reached `address`; fails after `timeoutMs` naming what did arrive. */
export async function waitForMail(mailboxDir: string, address: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(mailboxDir, address);
    if (mails[0]) return mails[0];
    if (Date.now() > deadline) {
      const count = readdirSync(mailboxDir).length;
      throw new Error(`no e-mail reached ${address} within ${timeoutMs} ms (${count} e-mails to others)`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
