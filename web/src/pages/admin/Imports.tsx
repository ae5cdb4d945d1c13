import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { api, v1 } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

const kinds = ['jobs', 'teams', 'employees', 'contractors', 'complexes', 'units', 'tenants'] as const;

interface Problem {
  line: number;
  column: string | null;
  message: string;
}
interface DryRun {
  columns: string[];
  mapping: Record<string, string | null>;
  totalRows: number;
  problems: Problem[];
  preview: Array<Record<string, unknown>>;
}
interface ImportRun {
  id: number;
  kind: string;
  fileName: string;
  status: 'queued' | 'validating' | 'importing' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  problems: Problem[] | null;
  createdAt: string;
  finishedAt: string | null;
}

function upload(kind: string, file: File, mapping: Record<string, string | null> | null, dryRun: boolean) {
  const body = new FormData();
  body.set('kind', kind);
  body.set('dryRun', String(dryRun));
  if (mapping)
    body.set('mapping', JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, c]) => c))));
  body.set('file', file);
  return api.post<DryRun & { id?: number }>(v1('/imports'), body);
}

function ProblemTable({ problems }: { problems: Problem[] }) {
  const { t } = useI18n();
  if (problems.length === 0)
    return (
      <Alert color="green" role="status">
        {t('admin.imports.noProblems')}
      </Alert>
    );
  return (
    <Alert
      color="red"
      title={`${t('admin.imports.problems')}: ${formatNumber(problems.length)}`}
      role="alert"
    >
      <Table.ScrollContainer
        minWidth={400}
        maxHeight={360}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('admin.imports.problems')}
      >
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.imports.line')}</Table.Th>
              <Table.Th scope="col">{t('admin.imports.column')}</Table.Th>
              <Table.Th scope="col">{t('admin.imports.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p) => (
              <Table.Tr key={`${p.line}-${p.column}-${p.message}`}>
                <Table.Td>{p.line}</Table.Td>
                <Table.Td>{p.column ?? '–'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}

/** Follows an import (queued for a worker, then running) until it is done or failed. */
function RunProgress({ id }: { id: number }) {
  const { t } = useI18n();
  const run = useQuery({
    queryKey: ['/imports', id],
    queryFn: () => api.get<ImportRun>(v1(`/imports/${id}`)),
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
  const r = run.data;
  if (!r) return null;
  const pct = r.totalRows ? Math.round((100 * r.processedRows) / r.totalRows) : r.status === 'done' ? 100 : 0;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>{r.fileName}</Text>
        <Progress
          value={pct}
          aria-label={t('admin.imports.progress')}
          color={r.status === 'failed' ? 'red' : undefined}
        />
        <Text size="sm" aria-live="polite">
          {r.status === 'queued'
            ? t('admin.imports.queued')
            : `${formatNumber(r.processedRows)} / ${formatNumber(r.totalRows)} ${t('admin.imports.rows')} (${pct}%)`}
        </Text>
        {r.status === 'done' && (
          <Alert color="green" role="status" title={t('admin.imports.done')}>
            {formatNumber(r.inserted)} {t('admin.imports.inserted')} · {formatNumber(r.updated)}{' '}
            {t('admin.imports.updated')} · {formatNumber(r.unchanged)} {t('admin.imports.unchanged')}
          </Alert>
        )}
        {r.status === 'failed' && (
          <>
            <Alert color="red" role="alert">
              {t('admin.imports.failed')}
            </Alert>
            <ProblemTable problems={r.problems ?? []} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

export default function Imports() {
  const { t, tv } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>('jobs');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<DryRun | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const recent = useQuery({
    queryKey: ['/imports'],
    queryFn: () => api.get<{ items: ImportRun[] }>(v1('/imports')),
  });

  const reset = () => {
    setCheck(null);
    setMapping(null);
    setRunId(null);
  };
  const dryRun = useMutation({
    mutationFn: () => upload(kind, file as File, mapping, true),
    onSuccess: (r) => {
      setCheck(r);
      setMapping(r.mapping);
    },
  });
  const run = useMutation({
    mutationFn: () => upload(kind, file as File, mapping, false),
    onSuccess: (r) => {
      setRunId(r.id ?? null);
      void queryClient.invalidateQueries({ queryKey: ['/imports'] });
    },
  });
  const error = dryRun.error ?? run.error;

  return (
    <Page title={t('nav.imports')}>
      <Paper withBorder p="md">
        <Stack>
          <Group align="end">
            <Select
              label={t('admin.imports.kind')}
              value={kind}
              allowDeselect={false}
              onChange={(v) => {
                setKind(v ?? 'jobs');
                reset();
              }}
              data={kinds.map((k) => ({ value: k, label: tv('importKind', k) }))}
              w={220}
            />
            <FileInput
              label={t('admin.imports.file')}
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
              {t('admin.imports.dryRun')}
            </Button>
            <Button
              disabled={!check || check.problems.length > 0 || runId !== null}
              loading={run.isPending}
              onClick={() => run.mutate()}
            >
              {t('admin.imports.run')}
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
            {formatNumber(check.totalRows)} {t('admin.imports.rows')}
          </Text>
          <Title order={2} size="h4">
            {t('admin.imports.mapping')}
          </Title>
          <Table withTableBorder maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.imports.field')}</Table.Th>
                <Table.Th scope="col">{t('admin.imports.column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.keys(mapping).map((field) => (
                <Table.Tr key={field}>
                  <Table.Td>{field}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('admin.imports.column')}: ${field}`}
                      placeholder={t('admin.imports.notMapped')}
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
          <ProblemTable problems={check.problems} />
        </>
      )}
      {runId !== null && <RunProgress id={runId} />}
      <Title order={2} size="h4">
        {t('admin.imports.recent')}
      </Title>
      {recent.data && (
        <ListTable
          caption={t('admin.imports.recent')}
          data={recent.data}
          rowKey={(r) => r.id}
          columns={[
            { label: t('field.createdAt'), render: (r) => formatDateTime(r.createdAt) },
            { label: t('field.kind'), render: (r) => tv('importKind', r.kind) },
            { label: t('admin.imports.file'), render: (r) => r.fileName },
            { label: t('field.status'), render: (r) => tv('importStatus', r.status) },
            {
              label: t('admin.imports.rows'),
              render: (r) => `${formatNumber(r.processedRows)} / ${formatNumber(r.totalRows)}`,
            },
          ]}
        />
      )}
    </Page>
  );
}
