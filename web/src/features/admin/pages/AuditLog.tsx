import { Code, Group, TextInput } from '@mantine/core';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import { useAuditLog } from '../api';
import { useTexts } from '../texts';

export default function AuditLog() {
  const { t } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['action'] as const);
  const query = useAuditLog({ action: values.action, page });
  return (
    <Page title={t('nav.audit')}>
      <Group>
        <TextInput
          label={x.audit.filter}
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
              { label: x.at, render: (e) => formatDateTime(e.at) },
              { label: x.audit.action, render: (e) => <Code>{e.action}</Code> },
              { label: x.audit.actor, render: (e) => e.actor.name ?? '–' },
              {
                label: x.audit.subject,
                render: (e) => (e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : '–'),
              },
              {
                label: x.audit.description,
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
