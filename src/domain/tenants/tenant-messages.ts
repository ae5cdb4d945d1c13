import { and, eq, isNull, notExists, or, type SQL, sql } from 'drizzle-orm';
import { invitations, outboxMessages } from '../../db/schema';

/** A Dutch phone number's comparable form: digits only, +31 / 0031 / 31 written as 0. */
export const phoneKey = (phone: string) => phone.replace(/\D/g, '').replace(/^(00)?31/, '0');
const phoneKeyOf = (column: SQL | typeof outboxMessages.recipient) =>
  sql`regexp_replace(regexp_replace(${column}, '[^0-9]', '', 'g'), '^(00)?31', '0')`;

/**
 * The outbox messages that went to this tenant: those of their invitations, and those addressed to
 * their e-mail address (any case) or mobile number (any notation) — except messages of another
 * tenant's invitation (two tenants of one household may share an address; each gets only their own).
 */
export function messagesToTenant(tenant: { id: number; email: string | null; mobile: string | null }): SQL {
  const ownInvitation = sql`${outboxMessages.invitationId} in (select ${invitations.id} from ${invitations} where ${invitations.tenantId} = ${tenant.id})`;
  const byAddress: SQL[] = [];
  if (tenant.email?.trim())
    byAddress.push(
      and(
        eq(outboxMessages.channel, 'email'),
        eq(sql`lower(${outboxMessages.recipient})`, tenant.email.trim().toLowerCase()),
      )!,
    );
  const mobile = tenant.mobile ? phoneKey(tenant.mobile) : '';
  if (mobile.length >= 6)
    byAddress.push(and(eq(outboxMessages.channel, 'sms'), eq(phoneKeyOf(outboxMessages.recipient), mobile))!);
  if (!byAddress.length) return ownInvitation;
  const notSomeoneElses = or(
    isNull(outboxMessages.invitationId),
    notExists(
      sql`(select 1 from ${invitations} where ${invitations.id} = ${outboxMessages.invitationId}
           and ${invitations.tenantId} is not null and ${invitations.tenantId} <> ${tenant.id})`,
    ),
  );
  return or(ownInvitation, and(or(...byAddress), notSomeoneElses))!;
}
