import type { BreakdownDimension } from '@contracts';
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { ListQuery } from '../../../lib/query-keys';
import { useBreakdown } from '../api';
import { filterOf } from '../filters';
import { useTexts } from '../texts';

/**
 * The choices of a narrowing filter (team, technician, trade, complex …) are the breakdown's rows by
 * that dimension within the reader's scope and the other filters: only what has reactions, and
 * never more than the reader may see. Asked for when the list opens, or to name a value in the URL.
 */
export function useDimensionOptions(dimension: BreakdownDimension, query: ListQuery | null, wanted: boolean) {
  const x = useTexts();
  const { [filterOf[dimension]]: _own, ...others } = query ?? {};
  const rows = useBreakdown(query && others, dimension, wanted);
  const options = (rows.data?.rows ?? [])
    .filter((r) => r.key !== null)
    .map((r) => ({ value: r.key as string, label: r.label || x.without[dimension] }));
  return { options, loading: rows.isFetching };
}

export function DimensionSelect(props: {
  dimension: BreakdownDimension;
  query: ListQuery | null;
  value: string;
  onChange: (value: string | null) => void;
}) {
  const x = useTexts();
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const { options } = useDimensionOptions(props.dimension, props.query, opened || !!props.value);
  // a value from a shared link shows as itself until its name is known
  const data =
    props.value && !options.some((o) => o.value === props.value)
      ? [{ value: props.value, label: props.value }, ...options]
      : options;
  return (
    <Select
      label={x.dimension[props.dimension]}
      placeholder={t('list.all')}
      clearable
      searchable
      w={200}
      value={props.value || null}
      onChange={props.onChange}
      onDropdownOpen={() => setOpened(true)}
      data={data}
      nothingFoundMessage={t('list.empty')}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
