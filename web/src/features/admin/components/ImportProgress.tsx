import { Alert, Paper, Progress, Stack, Text } from '@mantine/core';
import { formatNumber } from '../../../lib/format';
import { useImportRun } from '../api';
import { useTexts } from '../texts';
import { ImportProblems } from './ImportProblems';

/** Follows an import (queued for a worker, then running) until it is done or failed. */
export function ImportProgress({ id }: { id: number }) {
  const x = useTexts();
  const run = useImportRun(id);
  const r = run.data;
  if (!r) return null;
  const pct = r.totalRows ? Math.round((100 * r.processedRows) / r.totalRows) : r.status === 'done' ? 100 : 0;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>{r.fileName}</Text>
        <Progress
          value={pct}
          aria-label={x.imports.progress}
          color={r.status === 'failed' ? 'red' : undefined}
        />
        <Text size="sm" aria-live="polite">
          {r.status === 'queued'
            ? x.imports.queued
            : `${formatNumber(r.processedRows)} / ${formatNumber(r.totalRows)} ${x.imports.rows} (${pct}%)`}
        </Text>
        {r.status === 'done' && (
          <Alert color="green" role="status" title={x.imports.done}>
            {formatNumber(r.inserted)} {x.imports.inserted} · {formatNumber(r.updated)} {x.imports.updated} ·{' '}
            {formatNumber(r.unchanged)} {x.imports.unchanged}
          </Alert>
        )}
        {r.status === 'failed' && (
          <>
            <Alert color="red" role="alert">
              {x.imports.failed}
            </Alert>
            <ImportProblems problems={r.problems} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
