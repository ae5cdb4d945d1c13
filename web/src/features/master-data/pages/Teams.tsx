import type { TPage, TRef, TTeamItem } from '@contracts';
import { Anchor, Group, SegmentedControl, Title, VisuallyHidden } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../../../components/Fields';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { SearchBox } from '../../../components/SearchBox';
import { formatDate, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { perspectiveOf, useMe } from '../../../lib/me';
import { useUrlState } from '../../../lib/url-state';
import { useTeam, useTeams } from '../api';
import { useTexts } from '../texts';

/** A team leader starts with the own teams; all teams stay one click away (the structure is no secret). */
function useOwnTeamsFirst() {
  const me = useMe().data;
  const { values } = useUrlState(['show'] as const);
  const ledTeamIds = me && perspectiveOf(me) === 'teamLeader' ? me.ledTeamIds : [];
  const mine = ledTeamIds.length > 0 && values.show !== 'all';
  const only = (data: TPage<TTeamItem>): TPage<TTeamItem> => {
    const items = data.items.filter((team) => ledTeamIds.includes(team.id));
    return { ...data, items, total: items.length, page: 1 };
  };
  return { ledTeamIds, mine, only };
}

export function TeamList() {
  const { t } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['q', 'show'] as const);
  const own = useOwnTeamsFirst();
  // an organisation has tens of teams, not thousands: the own ones are picked from one page
  const query = useTeams(own.mine ? { q: values.q, pageSize: 200 } : { q: values.q, page });
  const title = own.mine ? x.myTeams : t('nav.teams');
  return (
    <Page title={title}>
      <Group align="end">
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
        {own.ledTeamIds.length > 0 && (
          <div>
            <VisuallyHidden id="teams-shown">{x.teamsShown}</VisuallyHidden>
            <SegmentedControl
              aria-labelledby="teams-shown"
              value={own.mine ? 'mine' : 'all'}
              onChange={(v) => set({ show: v === 'all' ? 'all' : null })}
              data={[
                { value: 'mine', label: x.myTeams },
                { value: 'all', label: x.allTeams },
              ]}
            />
          </div>
        )}
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={title}
            data={own.mine ? own.only(data) : data}
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
              { label: x.code, render: (r) => r.code },
              { label: t('field.department'), render: (r) => r.department.name },
              { label: x.region, render: (r) => r.region?.name || '–' },
              { label: x.leader, render: (r) => r.leader?.name ?? '–' },
              { label: x.members, render: (r) => formatNumber(r.memberCount) },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}

export function TeamDetail() {
  const { t, tv } = useI18n();
  const x = useTexts();
  const me = useMe().data;
  // a contractor sees no employee records: names only, no links that end in "not found"
  const personLink = (person: TRef) =>
    me && perspectiveOf(me) === 'contractor' ? (
      person.name
    ) : (
      <Anchor key={person.id} component={Link} to={`/employees/${person.id}`}>
        {person.name}
      </Anchor>
    );
  const { id } = useParams();
  const query = useTeam(id);
  return (
    <QueryState query={query}>
      {(team) => (
        <Page title={team.name}>
          <Anchor component={Link} to={`/jobs?teamId=${team.id}`}>
            {t('nav.jobs')}
          </Anchor>
          <Fields
            items={[
              [x.code, team.code],
              [t('field.department'), team.department.name],
              [x.region, team.region?.name || '–'],
              [x.leader, team.leader ? personLink(team.leader) : '–'],
              [x.members, formatNumber(team.memberCount)],
            ]}
          />
          <Title order={2} size="h4">
            {x.membersTitle}
          </Title>
          <ListTable
            caption={x.membersTitle}
            data={{ items: team.members }}
            rowKey={(m) => `${m.id}-${m.validFrom}`}
            columns={[
              {
                label: t('field.name'),
                render: (m) => personLink(m),
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
