import { Anchor, Badge, Group } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../components/Fields';
import { ListTable } from '../components/ListTable';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { useI18n } from '../lib/i18n';
import { type Ref, useList, useRecord } from '../lib/queries';
import { useUrlState } from '../lib/url-state';

interface Employee {
  id: number;
  externalId: string;
  name: string;
  role: string;
  trade: string | null;
  department: Ref | string | null;
  teams: Ref[];
  active: boolean;
  email?: string | null;
  phone?: string | null;
}

const departmentName = (d: Employee['department']) => (d && typeof d === 'object' ? d.name : d) || '–';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {active ? t('yes') : t('no')}
    </Badge>
  );
}

export function TeamLinks({ teams }: { teams: Ref[] }) {
  if (teams.length === 0) return <>–</>;
  return (
    <Group gap={6}>
      {teams.map((team) => (
        <Anchor key={team.id} component={Link} to={`/teams/${team.id}`} size="sm">
          {team.name}
        </Anchor>
      ))}
    </Group>
  );
}

export function EmployeeList() {
  const { t, tv } = useI18n();
  const { values, page, set } = useUrlState(['q', 'teamId'] as const);
  const query = useList<Employee>('/employees', { q: values.q, teamId: values.teamId, page });
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
              { label: t('field.teams'), render: (r) => <TeamLinks teams={r.teams ?? []} /> },
              { label: t('field.active'), render: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function EmployeeDetail() {
  const { t, tv } = useI18n();
  const { id } = useParams();
  const query = useRecord<Employee>(`/employees/${id}`);
  return (
    <QueryState query={query}>
      {(e) => (
        <Page title={e.name}>
          <Fields
            items={[
              [t('field.externalId'), e.externalId],
              [t('field.role'), tv('role', e.role)],
              [t('field.trade'), e.trade],
              [t('field.department'), departmentName(e.department)],
              [t('field.teams'), <TeamLinks key="teams" teams={e.teams ?? []} />],
              [t('field.active'), <ActiveBadge key="active" active={e.active} />],
              ...(e.email !== undefined ? [[t('field.email'), e.email] as [string, string | null]] : []),
              ...(e.phone !== undefined ? [[t('field.phone'), e.phone] as [string, string | null]] : []),
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
