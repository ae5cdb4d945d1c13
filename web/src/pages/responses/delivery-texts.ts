import { useI18n } from '../../lib/i18n';

/** The job page's texts about an invitation that reached nobody, and sending it again (nl and en). */
const texts = {
  nl: {
    undeliverable: 'Niet afgeleverd',
    undeliverableExplain:
      'Alle berichten van deze uitnodiging zijn mislukt: de huurder heeft niets ontvangen. De uitnodiging houdt geen andere enquête van deze huurder tegen.',
    resent: 'Opnieuw aangeboden door beheerder',
    resend: 'Opnieuw verzenden',
    resendExplain:
      'Verbeter zo nodig eerst het e-mailadres of mobiele nummer van de huurder. De uitnodiging gaat dan opnieuw uit (tussen 21:00 en 08:00 pas om 08:00), met een nieuwe link.',
    resendDone: 'De uitnodiging wordt opnieuw verzonden.',
    resendFailed: 'Opnieuw verzenden lukte niet',
  },
  en: {
    undeliverable: 'Not delivered',
    undeliverableExplain:
      'Every message of this invitation failed: the tenant received nothing. The invitation does not hold back any other survey of this tenant.',
    resent: 'Offered again by an administrator',
    resend: 'Send again',
    resendExplain:
      "Correct the tenant's e-mail address or mobile number first if needed. The invitation then goes out again (between 21:00 and 08:00 only at 08:00), with a new link.",
    resendDone: 'The invitation is being sent again.',
    resendFailed: 'Sending again did not work',
  },
} satisfies Record<'nl' | 'en', Record<string, string>>;

export type DeliveryText = keyof (typeof texts)['nl'];

export function useDeliveryTexts() {
  const { locale } = useI18n();
  return (key: DeliveryText) => texts[locale][key];
}
