import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ListQuery } from '../../../lib/query-keys';
import { exportUrl } from '../api';
import { useTexts } from '../texts';

/** Downloads of a table as the filters narrow it: the server applies the scope and anonymity rules. */
export function ExportButtons(props: {
  what: 'breakdown' | 'reactions';
  query: ListQuery | null;
  label?: string;
}) {
  const x = useTexts();
  if (!props.query) return null;
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={exportUrl(props.what, format, props.query as ListQuery)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={`${props.label ?? x.export}: ${x.exportAs(format.toUpperCase())}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </>
  );
}
