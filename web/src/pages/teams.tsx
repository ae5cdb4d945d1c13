import { Anchor, Group, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../components/Fields';
import { ListTable } from '../components/ListTable';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { formatDate, formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { type Ref, useList, useRecord } from '../lib/queries';
import { useUrlState } from '../lib/url-state';

interface Team {
  id: number;
  code: string;
  name: string;
  department: Ref | null;
  region: string | { name: string } | null;
  leader: Ref | null;
  memberCount: number;
}
interface TeamDetailData extends Team {
  members: Array<{
    id: number;
    name: string;
    role: string;
    validFrom: string | null;
    validTo: string | null;
  }>;
}

const regionName = (r: Team['region']) => (r && typeof r === 'object' ? r.name : r) || '–';

export function TeamList() {
  const { t } = useI18n();
  const { values, page, set } = useUrlState(['q'] as const);
  const query = useList<Team>('/teams', { q: values.q, page });
  return (
    <Page title={t('nav.teams')}>
      <Group>
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.teams')}
            data={data}
            rowKey={(r) => r.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              {
                label: t('field.name'),
                render: (r) => (
                  <Anchor component={Link} to={`/teams/${r.id}`}>
                    {r.name}
                  </Anchor>
                ),
              },
              { label: t('field.code'), render: (r) => r.code },
              { label: t('field.department'), render: (r) => r.department?.name ?? '–' },
              { label: t('field.region'), render: (r) => regionName(r.region) },
              { label: t('field.leader'), render: (r) => r.leader?.name ?? '–' },
              { label: t('field.members'), render: (r) => formatNumber(r.memberCount) },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function TeamDetail() {
  const { t, tv } = useI18n();
  const { id } = useParams();
  const query = useRecord<TeamDetailData>(`/teams/${id}`);
  return (
    <QueryState query={query}>
      {(team) => (
        <Page title={team.name}>
          <Anchor component={Link} to={`/jobs?teamId=${team.id}`}>
            {t('nav.jobs')}
          </Anchor>
          <Fields
            items={[
              [t('field.code'), team.code],
              [t('field.department'), team.department?.name],
              [t('field.region'), regionName(team.region)],
              [
                t('field.leader'),
                team.leader ? (
                  <Anchor key="leader" component={Link} to={`/employees/${team.leader.id}`}>
                    {team.leader.name}
                  </Anchor>
                ) : (
                  '–'
                ),
              ],
              [t('field.members'), formatNumber(team.memberCount ?? team.members.length)],
            ]}
          />
          <Title order={2} size="h4">
            {t('teams.membersTitle')}
          </Title>
          <ListTable
            caption={t('teams.membersTitle')}
            data={{ items: team.members }}
            rowKey={(m) => `${m.id}-${m.validFrom}`}
            columns={[
              {
                label: t('field.name'),
                render: (m) => (
                  <Anchor component={Link} to={`/employees/${m.id}`}>
                    {m.name}
                  </Anchor>
                ),
              },
              { label: t('field.role'), render: (m) => tv('role', m.role) },
              { label: t('field.from'), render: (m) => formatDate(m.validFrom) },
              { label: t('field.to'), render: (m) => formatDate(m.validTo) },
            ]}
          />
        </Page>
      )}
    </QueryState>
  );
}
