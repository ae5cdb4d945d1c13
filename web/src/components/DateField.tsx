import { DateInput, DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/nl';
import { type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n';

// typed dates are read in the shown format (27-11-2026), not only ISO
dayjs.extend(customParseFormat);

const shownFormat = 'DD-MM-YYYY';

/**
 * Only a complete date counts (27-11-2026, or ISO 2026-11-27): the field parses on every key, and a
 * lenient parser turned "01-11-202" into the year 202 and rewrote the URL while the user typed.
 */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const shown = dayjs(value, shownFormat, true);
  if (/^\d{1,2}-\d{1,2}-\d{4}$/.test(value) && dayjs(value, 'D-M-YYYY', true).isValid())
    return dayjs(value, 'D-M-YYYY', true).format('YYYY-MM-DD');
  if (shown.isValid()) return shown.format('YYYY-MM-DD');
  const iso = dayjs(value, 'YYYY-MM-DD', true);
  return iso.isValid() ? iso.format('YYYY-MM-DD') : null;
}

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
  // the URL catches up a moment later (router navigation); until then the field keeps what was typed,
  // or leaving the field would blank it while the filter is already on
  const [current, setCurrent] = useState(valid);
  useEffect(() => setCurrent(valid), [valid]);
  return (
    <DateInput
      label={props.label}
      aria-label={props.ariaLabel}
      placeholder={t('date.placeholder')}
      valueFormat={shownFormat}
      dateParser={parseTypedDate}
      value={current}
      onChange={(v) => {
        const date = v ? v.slice(0, 10) : null;
        setCurrent(date);
        props.onChange(date);
      }}
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
