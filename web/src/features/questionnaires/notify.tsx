import { notifications } from '@mantine/notifications';
import type { Locale } from '../../lib/i18n';
import { texts } from './texts';

/**
 * A notification readable by everyone: one line of text (Mantine dims the line under a title
 * below 4.5:1) and a close button with a name.
 */
export function notify(locale: Locale, color: 'green' | 'red', message: string) {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': texts[locale].close } });
}
