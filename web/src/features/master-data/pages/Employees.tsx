import { Anchor, Group } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../../../components/Fields';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { SearchBox } from '../../../components/SearchBox';
import { useI18n } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import { useEmployee, useEmployees } from '../api';
import { ActiveBadge } from '../components/ActiveBadge';
import { TeamLinks } from '../components/TeamLinks';
import { useTexts } from '../texts';

export function EmployeeList() {
  const { t, tv } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['q', 'teamId'] as const);
  const query = useEmployees({ q: values.q, teamId: values.teamId, page });
  return (
    <Page title={t('nav.employees')}>
      <Group>
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.employees')}
            data={data}
            rowKey={(r) => r.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              {
                label: t('field.name'),
                render: (r) => (
                  <Anchor component={Link} to={`/employees/${r.id}`}>
                    {r.name}
                  </Anchor>
                ),
              },
              { label: t('field.externalId'), render: (r) => r.externalId },
              { label: t('field.role'), render: (r) => tv('role', r.role) },
              { label: t('field.trade'), render: (r) => r.trade ?? '–' },
              { label: x.teams, render: (r) => <TeamLinks teams={r.teams} /> },
              { label: x.active, render: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function EmployeeDetail() {
  const { t, tv } = useI18n();
  const x = useTexts();
  const { id } = useParams();
  const query = useEmployee(id);
  return (
    <QueryState query={query}>
      {(e) => (
        <Page title={e.name}>
          <Fields
            items={[
              [t('field.externalId'), e.externalId],
              [t('field.role'), tv('role', e.role)],
              [t('field.trade'), e.trade],
              [t('field.department'), e.department?.name || '–'],
              [x.teams, <TeamLinks key="teams" teams={e.teams} />],
              [x.active, <ActiveBadge key="active" active={e.active} />],
              // phone and e-mail come only when the reader may reach this person
              ...(e.email !== undefined ? [[t('field.email'), e.email] as [string, string | null]] : []),
              ...(e.phone !== undefined ? [[x.phone, e.phone] as [string, string | null]] : []),
            ]}
          />
          <Anchor component={Link} to={`/jobs?technicianId=${e.id}`}>
            {t('nav.jobs')}
          </Anchor>
        </Page>
      )}
    </QueryState>
  );
}
