import { journeys, type TRef } from '@contracts';
import { Select } from '@mantine/core';
import { useI18n } from '../lib/i18n';
import { DateField } from './DateField';

/** The filters of lists; each keeps its value as the URL's text, where '' (cleared) means all. */
export function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (value: string | null) => void;
  data: { value: string; label: string }[];
  w: number;
  searchable?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={props.label}
      placeholder={t('list.all')}
      clearable
      searchable={props.searchable}
      w={props.w}
      value={props.value || null}
      onChange={props.onChange}
      data={props.data}
    />
  );
}

export function JourneySelect(props: { value: string; onChange: (journey: string | null) => void }) {
  const { t, tv } = useI18n();
  return (
    <FilterSelect
      label={t('field.journey')}
      w={200}
      value={props.value}
      onChange={props.onChange}
      data={journeys.map((j) => ({ value: j, label: tv('journey', j) }))}
    />
  );
}

/** Nothing where the reader has no teams to choose from (`useWorkList`'s `teamOptions` is null). */
export function TeamSelect(props: {
  teams: TRef[] | null;
  value: string;
  onChange: (teamId: string | null) => void;
}) {
  const { t } = useI18n();
  if (!props.teams) return null;
  return (
    <FilterSelect
      label={t('field.team')}
      searchable
      w={200}
      value={props.value}
      onChange={props.onChange}
      data={props.teams.map((team) => ({ value: String(team.id), label: team.name }))}
    />
  );
}

/** From and to of a period; `label` names the period for both (screen readers hear it on "tot" too). */
export function PeriodFields(props: {
  label: string;
  from: string;
  to: string;
  onFrom: (date: string | null) => void;
  onTo: (date: string | null) => void;
}) {
  const { t } = useI18n();
  const to = t('field.to').toLowerCase();
  return (
    <>
      <DateField
        label={`${props.label}: ${t('field.from').toLowerCase()}`}
        value={props.from}
        onChange={props.onFrom}
        w={190}
      />
      <DateField label={to} ariaLabel={`${props.label}: ${to}`} value={props.to} onChange={props.onTo} />
    </>
  );
}
