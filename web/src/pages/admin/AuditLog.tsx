import { Code, Group, TextInput } from '@mantine/core';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useList } from '../../lib/queries';
import { useUrlState } from '../../lib/url-state';

interface AuditEntry {
  id: number;
  createdAt?: string;
  at?: string;
  action: string;
  actorName?: string | null;
  actor?: string | { name: string } | null;
  subjectType: string | null;
  subjectId: string | null;
  details: unknown;
  ip?: string | null;
}

const actorName = (e: AuditEntry) =>
  e.actorName ?? (e.actor && typeof e.actor === 'object' ? e.actor.name : e.actor) ?? '–';

export default function AuditLog() {
  const { t } = useI18n();
  const { values, page, set } = useUrlState(['action'] as const);
  const query = useList<AuditEntry>('/audit-log', { action: values.action, page });
  return (
    <Page title={t('nav.audit')}>
      <Group>
        <TextInput
          label={t('admin.audit.filter')}
          placeholder="auth.signed_in"
          defaultValue={values.action}
          onKeyDown={(e) => e.key === 'Enter' && set({ action: e.currentTarget.value.trim() })}
          onBlur={(e) => set({ action: e.currentTarget.value.trim() })}
        />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.audit')}
            data={data}
            rowKey={(e) => e.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              { label: t('field.at'), render: (e) => formatDateTime(e.createdAt ?? e.at) },
              { label: t('field.action'), render: (e) => <Code>{e.action}</Code> },
              { label: t('field.actor'), render: (e) => actorName(e) },
              {
                label: t('field.subject'),
                render: (e) => (e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : '–'),
              },
              {
                label: t('field.description'),
                render: (e) =>
                  e.details ? (
                    <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      {JSON.stringify(e.details)}
                    </Code>
                  ) : (
                    '–'
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}
