import { type ImportKind, importKinds, type TImportDryRun } from '@contracts';
import { Alert, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { wordFor } from '../../../lib/dictionary';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { uploadImport, useImportRuns } from '../api';
import { ImportProblems } from '../components/ImportProblems';
import { ImportProgress } from '../components/ImportProgress';
import { useTexts } from '../texts';

/** "Importeren": a CSV or XLSX file checked first (every problem, the column mapping), then imported by a worker. */
export default function Imports() {
  const { t } = useI18n();
  const x = useTexts();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('jobs');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<TImportDryRun | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const recent = useImportRuns();

  const reset = () => {
    setCheck(null);
    setMapping(null);
    setRunId(null);
  };
  const dryRun = useMutation({
    mutationFn: () => uploadImport(kind, file as File, mapping, true),
    onSuccess: (r) => {
      setCheck(r);
      setMapping(r.mapping);
    },
  });
  const run = useMutation({
    mutationFn: () => uploadImport(kind, file as File, mapping, false),
    onSuccess: (r) => {
      setRunId(r.id ?? null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.imports.all });
    },
  });
  const error = dryRun.error ?? run.error;

  return (
    <Page title={t('nav.imports')}>
      <Paper withBorder p="md">
        <Stack>
          <Group align="end">
            <Select
              label={x.imports.kind}
              value={kind}
              allowDeselect={false}
              onChange={(v) => {
                setKind((v as ImportKind | null) ?? 'jobs');
                reset();
              }}
              data={importKinds.map((k) => ({ value: k, label: x.imports.kinds[k] }))}
              w={220}
            />
            <FileInput
              label={x.imports.file}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                reset();
              }}
              leftSection={<IconUpload size={16} aria-hidden />}
              w={320}
              clearable
            />
            <Button
              variant="default"
              disabled={!file}
              loading={dryRun.isPending}
              onClick={() => dryRun.mutate()}
            >
              {x.imports.dryRun}
            </Button>
            <Button
              disabled={!check || check.problems.length > 0 || runId !== null}
              loading={run.isPending}
              onClick={() => run.mutate()}
            >
              {x.imports.run}
            </Button>
          </Group>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
        </Stack>
      </Paper>
      {check && mapping && (
        <>
          <Text>
            {formatNumber(check.totalRows)} {x.imports.rows}
          </Text>
          <Title order={2} size="h4">
            {x.imports.mapping}
          </Title>
          <Table withTableBorder maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{x.imports.field}</Table.Th>
                <Table.Th scope="col">{x.imports.column}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.keys(mapping).map((field) => (
                <Table.Tr key={field}>
                  <Table.Td>{field}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${x.imports.column}: ${field}`}
                      placeholder={x.imports.notMapped}
                      clearable
                      value={mapping[field] ?? null}
                      data={check.columns}
                      onChange={(c) => setMapping({ ...mapping, [field]: c })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ImportProblems problems={check.problems} />
        </>
      )}
      {runId !== null && <ImportProgress id={runId} />}
      <Title order={2} size="h4">
        {x.imports.recent}
      </Title>
      {recent.data && (
        <ListTable
          caption={x.imports.recent}
          data={recent.data}
          rowKey={(r) => r.id}
          columns={[
            { label: t('field.createdAt'), render: (r) => formatDateTime(r.createdAt) },
            { label: t('field.kind'), render: (r) => wordFor(x.imports.kinds, r.kind) },
            { label: x.imports.file, render: (r) => r.fileName },
            { label: t('field.status'), render: (r) => x.imports.statuses[r.status] },
            {
              label: x.imports.rows,
              render: (r) => `${formatNumber(r.processedRows)} / ${formatNumber(r.totalRows)}`,
            },
          ]}
        />
      )}
    </Page>
  );
}
