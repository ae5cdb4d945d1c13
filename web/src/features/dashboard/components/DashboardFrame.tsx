import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { Page } from '../../../components/Page';
import { formatDateTime } from '../../../lib/format';
import { useLiveFigures } from '../api';
import type { ChangeAgainst } from '../figure-model';
import type { Period } from '../period-model';
import { useTexts } from '../texts';
import type { Dashboard } from '../use-dashboard';
import { DashboardFilters } from './DashboardFilters';
import { DashboardNav } from './DashboardNav';
import { FigureChanges } from './Figure';

/** What a page's figures compare with; a year's period before is last year, said once (figure-model). */
function useChanges(dashboard: Dashboard): ChangeAgainst[] {
  const x = useTexts();
  const words = x.against[dashboard.periodKind];
  return [
    { key: 'previous', label: words.previous },
    { key: 'lastYear', label: words.lastYear },
  ];
}

/**
 * Every dashboard page: its title, the parts of the dashboard, the filters, a live mark — the page's
 * figures are read again when a new reaction arrives — and the comparison its figures name.
 */
export function DashboardFrame(props: {
  dashboard: Dashboard;
  title: string;
  period: Period | undefined;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const x = useTexts();
  const { dashboard } = props;
  const arrived = useLiveFigures(dashboard.query);
  const changes = useChanges(dashboard);
  return (
    <Page
      title={props.title}
      actions={
        <Group gap="sm">
          {props.actions}
          <Tooltip label={x.liveHint} multiline w={260}>
            <Badge color="teal.9" variant="dot" size="lg" tt="none" tabIndex={0}>
              {x.live}
            </Badge>
          </Tooltip>
        </Group>
      }
    >
      <Stack gap="sm">
        <DashboardNav values={dashboard.values} />
        <DashboardFilters
          values={dashboard.values}
          set={dashboard.set}
          query={dashboard.query}
          perspective={dashboard.perspective}
          ledTeams={dashboard.me?.ledTeamIds.length ?? 0}
          period={props.period}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {arrived ? x.newReaction(formatDateTime(arrived).slice(11)) : ''}
        </Text>
      </Stack>
      <FigureChanges.Provider value={changes}>{props.children}</FigureChanges.Provider>
    </Page>
  );
}
