import { notifications } from '@mantine/notifications';
import type { CSSProperties, ReactNode } from 'react';
import type { Locale } from '../../lib/i18n';
import { texts } from './texts';

/**
 * A notification readable by everyone: one line of text (Mantine dims the line under a title
 * below 4.5:1) and a close button with a name.
 */
export function notify(locale: Locale, color: 'green' | 'red', message: string) {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': texts[locale].close } });
}

// Mantine's error red (red-6) is 3.3:1 on white; these pages show many field errors, so darker here
const readableErrors = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

export function ReadableErrors({ children }: { children: ReactNode }) {
  return <div style={readableErrors}>{children}</div>;
}
