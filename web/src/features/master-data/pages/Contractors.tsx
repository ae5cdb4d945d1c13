import { contractorCategories } from '@contracts';
import { Anchor, Group, Select, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../../../components/Fields';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { SearchBox } from '../../../components/SearchBox';
import { useI18n } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import { useContractor, useContractors } from '../api';
import { ActiveBadge } from '../components/ActiveBadge';
import { useTexts } from '../texts';

export function ContractorList() {
  const { t } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['q', 'category'] as const);
  const query = useContractors({ q: values.q, category: values.category, page });
  return (
    <Page title={t('nav.contractors')}>
      <Group align="end">
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
        <Select
          label={x.category}
          placeholder={t('list.all')}
          clearable
          value={values.category || null}
          onChange={(v) => set({ category: v })}
          data={contractorCategories.map((c) => ({ value: c, label: x.categories[c] }))}
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
              { label: x.category, render: (r) => x.categories[r.category] },
              { label: t('field.trade'), render: (r) => r.trade ?? '–' },
              { label: x.pilotTeam, render: (r) => r.pilotTeam?.name || '–' },
              { label: x.active, render: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function ContractorDetail() {
  const { t } = useI18n();
  const x = useTexts();
  const { id } = useParams();
  const query = useContractor(id);
  return (
    <QueryState query={query}>
      {(c) => (
        <Page title={c.name}>
          <Fields
            items={[
              [t('field.externalId'), c.externalId],
              [x.category, x.categories[c.category]],
              [t('field.trade'), c.trade],
              [x.pilotTeam, c.pilotTeam?.name || '–'],
              [x.active, <ActiveBadge key="a" active={c.active} />],
            ]}
          />
          <Title order={2} size="h4">
            {x.contacts}
          </Title>
          <ListTable
            caption={x.contacts}
            data={{ items: c.contacts }}
            rowKey={(r) => r.id}
            columns={[
              { label: t('field.name'), render: (r) => r.name },
              { label: t('field.email'), render: (r) => r.email ?? '–' },
              { label: x.phone, render: (r) => r.phone ?? '–' },
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
