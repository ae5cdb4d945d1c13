import type { Random } from './random';

/** Realistic Dutch people: "Sanne de Vries", with e-mail addresses and 06-numbers that cannot reach anyone. */
export interface PersonName {
  first: string;
  last: string;
  full: string;
}

export function personName(f: ReturnType<Random['faker']>): PersonName {
  const first = f.person.firstName();
  const last = f.person.lastName();
  return { first, last, full: `${first} ${last}` };
}

/** "Sanne", "de Vries" → "sanne.devries"; accents and spaces dropped. */
export function mailbox(name: PersonName) {
  return `${plain(name.first)}.${plain(name.last)}`;
}

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Unique addresses: a second "sanne.devries" becomes "sanne.devries2". */
export class MailboxRegistry {
  private readonly seen = new Map<string, number>();
  address(local: string, domain: string) {
    const n = (this.seen.get(local) ?? 0) + 1;
    this.seen.set(local, n);
    return `${local}${n > 1 ? n : ''}@${domain}`;
  }
}

/** A Dutch mobile number in the way ERPs store it: "06-12345678". */
export function mobileNumber(random: Random) {
  return `06-${random.int(1, 5)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

export const slug = plain;
