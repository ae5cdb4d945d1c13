/** Every number and date the app shows goes through here: nl-NL formats, Amsterdam time. */
const zone = 'Europe/Amsterdam';

const number = new Intl.NumberFormat('nl-NL');
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: zone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: zone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const formatNumber = (n: number | null | undefined) => (n == null ? '–' : number.format(n));

/** 27-11-2026 */
export function formatDate(value: string | null | undefined) {
  if (!value) return '–';
  // plain dates (YYYY-MM-DD) carry no time zone: show them as they are
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}-${plain[2]}-${plain[1]}`;
  return dateFormat.format(new Date(value));
}

/** 27-11-2026 14:05 */
export function formatDateTime(value: string | null | undefined) {
  if (!value) return '–';
  const d = new Date(value);
  return `${dateFormat.format(d)} ${timeFormat.format(d)}`;
}
