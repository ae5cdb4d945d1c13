import { Anchor, Group, Select, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../components/Fields';
import { ListTable } from '../components/ListTable';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { useI18n } from '../lib/i18n';
import { type Ref, useList, useRecord } from '../lib/queries';
import { useUrlState } from '../lib/url-state';
import { ActiveBadge } from './employees';

interface Contractor {
  id: number;
  externalId: string;
  name: string;
  category: string;
  trade: string | null;
  pilotTeam: Ref | string | null;
  active: boolean;
  contacts?: Array<{ id: number; name: string; email: string | null; phone: string | null }>;
}

const pilotName = (p: Contractor['pilotTeam']) => (p && typeof p === 'object' ? p.name : p) || '–';

export function ContractorList() {
  const { t, tv } = useI18n();
  const { values, page, set } = useUrlState(['q', 'category'] as const);
  const query = useList<Contractor>('/contractors', { q: values.q, category: values.category, page });
  return (
    <Page title={t('nav.contractors')}>
      <Group align="end">
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
        <Select
          label={t('field.category')}
          placeholder={t('list.all')}
          clearable
          value={values.category || null}
          onChange={(v) => set({ category: v })}
          data={['main', 'specialist', 'other'].map((c) => ({ value: c, label: tv('category', c) }))}
        />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.contractors')}
            data={data}
            rowKey={(r) => r.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              {
                label: t('field.name'),
                render: (r) => (
                  <Anchor component={Link} to={`/contractors/${r.id}`}>
                    {r.name}
                  </Anchor>
                ),
              },
              { label: t('field.externalId'), render: (r) => r.externalId },
              { label: t('field.category'), render: (r) => tv('category', r.category) },
              { label: t('field.trade'), render: (r) => r.trade ?? '–' },
              { label: t('field.pilotTeam'), render: (r) => pilotName(r.pilotTeam) },
              { label: t('field.active'), render: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function ContractorDetail() {
  const { t, tv } = useI18n();
  const { id } = useParams();
  const query = useRecord<Contractor>(`/contractors/${id}`);
  return (
    <QueryState query={query}>
      {(c) => (
        <Page title={c.name}>
          <Fields
            items={[
              [t('field.externalId'), c.externalId],
              [t('field.category'), tv('category', c.category)],
              [t('field.trade'), c.trade],
              [t('field.pilotTeam'), pilotName(c.pilotTeam)],
              [t('field.active'), <ActiveBadge key="a" active={c.active} />],
            ]}
          />
          <Title order={2} size="h4">
            {t('field.contacts')}
          </Title>
          <ListTable
            caption={t('field.contacts')}
            data={{ items: c.contacts ?? [] }}
            rowKey={(r) => r.id}
            columns={[
              { label: t('field.name'), render: (r) => r.name },
              { label: t('field.email'), render: (r) => r.email ?? '–' },
              { label: t('field.phone'), render: (r) => r.phone ?? '–' },
            ]}
          />
          <Anchor component={Link} to={`/jobs?contractorId=${c.id}`}>
            {t('nav.jobs')}
          </Anchor>
        </Page>
      )}
    </QueryState>
  );
}
