import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n';

/** A search field that asks the server once typing pauses, not on every key. */
export function SearchBox({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (q: string) => void;
  label?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = useDebouncedCallback((q: string) => onChange(q.trim()), 300);
  return (
    <TextInput
      type="search"
      label={label ?? t('list.search')}
      placeholder={t('list.searchHint')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text.trim());
      }}
      w={{ base: '100%', sm: 320 }}
    />
  );
}
