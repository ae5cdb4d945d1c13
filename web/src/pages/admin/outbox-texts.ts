import { useI18n } from '../../lib/i18n';

/** The outbox page's own texts (nl and en) beside the shared status words. */
const texts = {
  nl: {
    sending: 'wordt verzonden',
    sendingSince: 'een werkproces verzendt dit bericht nu, sinds',
    attempts: 'Pogingen',
  },
  en: {
    sending: 'sending',
    sendingSince: 'a worker is sending this message now, since',
    attempts: 'Attempts',
  },
} satisfies Record<'nl' | 'en', Record<string, string>>;

export function useOutboxTexts() {
  const { locale } = useI18n();
  return (key: keyof (typeof texts)['nl']) => texts[locale][key];
}
