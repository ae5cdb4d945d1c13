import type { Calendar } from './calendar';
import type { DemoUnit } from './housing';
import { MailboxRegistry, mailbox, mobileNumber, personName } from './names';
import type { Random } from './random';

/** Step 5: one household per occupied unit, with fake contact data on reserved domains. */
export interface DemoTenant {
  id: number;
  externalId: string;
  unitId: number;
  name: string;
  email: string | null;
  mobile: string | null;
  preferredChannel: 'email' | 'sms' | 'both' | 'none';
  optedOutAt: string | null;
  /**
   * the tenant opted out themselves (survey page or the e-mail's unsubscribe link), at the moment
   * of the opt-out: about a third of the opted-out tenants who could be sent surveys at all
   */
  selfOptedOutAt: string | null;
}

/** example.nl is reserved for documentation: nothing sent there reaches a person. */
export const TENANT_EMAIL_DOMAIN = 'example.nl';

export function generateTenants({
  random,
  units,
  calendar,
}: {
  random: Random;
  units: DemoUnit[];
  calendar: Calendar;
}) {
  const f = random.faker();
  // a stream of its own: deciding whose opt-out was their own changes nothing else a seed makes
  const own = random.fork('own-opt-outs');
  const mail = new MailboxRegistry();
  const tenants: DemoTenant[] = [];
  /** tenant id per unit id (index = unit id); 0 for a vacant home */
  const tenantOfUnit = new Int32Array(units.length + 1);
  for (const unit of units) {
    if (random.chance(0.012)) continue; // vacant right now
    const name = personName(f);
    const email = random.chance(0.86) ? mail.address(mailbox(name), TENANT_EMAIL_DOMAIN) : null;
    const mobile = random.chance(0.78) ? mobileNumber(random) : null;
    const preferredChannel =
      email && mobile
        ? random.weighted([
            ['email', 55],
            ['sms', 15],
            ['both', 25],
            ['none', 5],
          ] as const)
        : email
          ? random.chance(0.92)
            ? 'email'
            : 'none'
          : mobile
            ? random.chance(0.92)
              ? 'sms'
              : 'none'
            : 'none';
    const optedOutAt = random.chance(0.02)
      ? calendar.at(random.int(0, calendar.lastReportDay), random.int(8 * 60, 21 * 60))
      : null;
    // only a tenant who was sent surveys can have clicked the link that says "no more"
    const selfOptedOutAt =
      optedOutAt !== null && preferredChannel !== 'none' && own.chance(0.35) ? optedOutAt : null;
    const id = tenants.length + 1;
    tenants.push({
      id,
      externalId: `HRD-${String(id).padStart(6, '0')}`,
      unitId: unit.id,
      name: name.full,
      email,
      mobile,
      preferredChannel,
      optedOutAt,
      selfOptedOutAt,
    });
    tenantOfUnit[unit.id] = id;
  }
  return { tenants, tenantOfUnit };
}
export type DemoTenants = ReturnType<typeof generateTenants>;
