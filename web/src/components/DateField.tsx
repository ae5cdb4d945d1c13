import { DateInput, DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/nl';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

// typed dates are read in the shown format (27-11-2026), not only ISO
dayjs.extend(customParseFormat);

const shownFormat = 'DD-MM-YYYY';

/** Month and day names, first day of the week: they follow the UI language. */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/**
 * A date shown and typed as 27-11-2026 (Dutch first, whatever the browser's locale), while the
 * value stays an ISO date (2026-11-27) for the URL and the API.
 */
export function DateField(props: {
  label: string;
  /** the full name for screen readers when the visible label is short ("tot") */
  ariaLabel?: string;
  value: string;
  onChange: (isoDate: string | null) => void;
  w?: number;
}) {
  const { t } = useI18n();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(props.value) ? props.value : null;
  return (
    <DateInput
      label={props.label}
      aria-label={props.ariaLabel}
      placeholder={t('date.placeholder')}
      valueFormat={shownFormat}
      value={valid}
      onChange={(v) => props.onChange(v ? v.slice(0, 10) : null)}
      clearable
      w={props.w ?? 150}
      // outside days are too faint to read (axe contrast) and add nothing to a period filter
      hideOutsideDates
      previousLabel={t('date.previousMonth')}
      nextLabel={t('date.nextMonth')}
      // the calendar stays inside the page's landmarks for screen readers
      popoverProps={{ withinPortal: false }}
    />
  );
}
