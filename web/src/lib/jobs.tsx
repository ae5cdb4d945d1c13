import { type JobStatus, jobStatuses, journeys, type TJobItem, type TJobUnit } from '@contracts';
import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../components/ListTable';
import { formatDate, formatDateTime } from './format';
import { useI18n } from './i18n';

/** A job as the lists show it, and its home: the server's schema (src/contracts). */
export type Job = TJobItem;
export type JobUnit = TJobUnit;

export { jobStatuses, journeys };

export const addressOf = (u: JobUnit | null) => (u ? `${u.street} ${u.houseNumber}, ${u.city}` : '–');

const statusColor: Record<JobStatus, string> = {
  completed: 'green',
  cancelled: 'gray',
  planned: 'blue',
  reported: 'orange',
};

export function StatusBadge({ status }: { status: JobStatus }) {
  const { tv } = useI18n();
  return (
    <Badge variant="light" color={statusColor[status]} tt="none">
      {tv('status', status)}
    </Badge>
  );
}

/** The columns every job list shares (jobs page, a unit's recent jobs). */
export function useJobColumns({ withAssignee = true } = {}): Column<Job>[] {
  const { t, tv } = useI18n();
  const columns: Column<Job>[] = [
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
    { label: t('jobs.attribution'), render: (j) => j.technician?.name ?? j.contractor?.name ?? '–' },
    { label: t('field.status'), render: (j) => <StatusBadge status={j.status} />, nowrap: true },
    { label: t('field.reportedAt'), render: (j) => formatDate(j.reportedAt), nowrap: true },
    { label: t('field.completedAt'), render: (j) => formatDateTime(j.completedAt), nowrap: true },
  ];
  return withAssignee ? columns : columns.filter((c) => c.label !== t('jobs.attribution'));
}
