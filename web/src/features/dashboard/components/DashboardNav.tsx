import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { can, useMe } from '../../../lib/me';
import { type Filters, searchOfFilters } from '../filters';
import { useTexts } from '../texts';

const parts = [
  { to: '/dashboard', key: 'overview' },
  { to: '/dashboard/trend', key: 'trend' },
  { to: '/dashboard/breakdown', key: 'breakdown' },
  { to: '/dashboard/journey', key: 'journey' },
  { to: '/dashboard/targets', key: 'targets' },
] as const;

/** The dashboard's parts as links that keep the filters, so the same view is seen another way. */
export function DashboardNav({ values }: { values: Filters }) {
  const x = useTexts();
  const { pathname } = useLocation();
  const me = useMe().data;
  // targets are the managers' to set; others see them on every figure
  const shown = parts.filter((p) => p.key !== 'targets' || can(me, 'target.manage'));
  return (
    <nav aria-label={x.tabsLabel}>
      <Group gap={4}>
        {shown.map((p) => {
          const current = pathname === p.to;
          return (
            <Button
              key={p.key}
              component={Link}
              to={`${p.to}${searchOfFilters(values)}`}
              variant={current ? 'filled' : 'subtle'}
              size="sm"
              aria-current={current ? 'page' : undefined}
            >
              {x.tabs[p.key]}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}
