import type { JobStatus, TJobItem, TJobUnit } from '@contracts';
import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../../../components/ListTable';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useTexts } from '../texts';

export const addressOf = (u: TJobUnit | null) => (u ? `${u.street} ${u.houseNumber}, ${u.city}` : '–');

const statusColor: Record<JobStatus, string> = {
  completed: 'green',
  cancelled: 'gray',
  planned: 'blue',
  reported: 'orange',
};

export function StatusBadge({ status }: { status: JobStatus }) {
  const x = useTexts();
  return (
    <Badge variant="light" color={statusColor[status]} tt="none">
      {x.status[status]}
    </Badge>
  );
}

/** The columns every job list shares (jobs page, a unit's recent jobs). */
export function useJobColumns({ withAssignee = true } = {}): Column<TJobItem>[] {
  const { t, tv } = useI18n();
  const x = useTexts();
  const columns: Column<TJobItem>[] = [
    {
      label: t('field.externalId'),
      render: (j) => (
        <Anchor component={Link} to={`/jobs/${j.id}`} style={{ whiteSpace: 'nowrap' }}>
          {j.externalId}
        </Anchor>
      ),
    },
    { label: t('field.journey'), render: (j) => tv('journey', j.journey) },
    { label: t('field.trade'), render: (j) => j.trade ?? '–' },
    { label: t('field.address'), render: (j) => addressOf(j.unit) },
    { label: t('field.team'), render: (j) => j.team?.name ?? '–' },
    { label: x.attribution, render: (j) => j.technician?.name ?? j.contractor?.name ?? '–' },
    { label: t('field.status'), render: (j) => <StatusBadge status={j.status} />, nowrap: true },
    { label: x.reportedAt, render: (j) => formatDate(j.reportedAt), nowrap: true },
    { label: x.completedAt, render: (j) => formatDateTime(j.completedAt), nowrap: true },
  ];
  return withAssignee ? columns : columns.filter((c) => c.label !== x.attribution);
}
