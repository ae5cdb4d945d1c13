import type { TResponseItem } from '@contracts';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../../components/Dialog';
import { formatDateTime } from '../../../lib/format';
import { GradeBadge } from '../../responses/components/GradeBadge';
import { ResponseView } from '../../responses/components/ResponseView';
import { commentsOf } from '../../responses/model';
import { useTexts } from '../texts';

/**
 * The newest reactions with a comment, each a way to the whole reaction: the job's page shows it
 * with the job; one whose job the retention period unlinked opens here.
 */
export function LatestReactions(props: {
  reactions: TResponseItem[];
  allHref: string;
  exports: React.ReactNode;
}) {
  const x = useTexts();
  const [open, setOpen] = useState<TResponseItem | null>(null);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {x.latest}
          </Title>
          <Group gap="xs">{props.exports}</Group>
        </Group>
        {props.reactions.length === 0 && <Text c="dimmed">{x.noLatest}</Text>}
        {props.reactions.map((r) => {
          const comment = commentsOf(r)
            .map((a) => a.textValue?.trim())
            .join(' · ');
          const who = [r.team?.name, r.technician?.name ?? r.contractor?.name].filter(Boolean).join(' · ');
          return (
            <Group key={r.id} align="flex-start" wrap="nowrap" gap="sm">
              <GradeBadge grade={r.grade} size="lg" />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                  {comment || '–'}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(r.submittedAt)}
                  {who && ` · ${who}`}
                  {' · '}
                  {r.job ? (
                    <Anchor component={Link} to={`/jobs/${r.job.id}`} size="xs" underline="always">
                      {`${x.openReaction} (${r.job.externalId})`}
                    </Anchor>
                  ) : (
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      underline="always"
                      onClick={() => setOpen(r)}
                    >
                      {x.openReaction}
                    </Anchor>
                  )}
                </Text>
              </Stack>
            </Group>
          );
        })}
        <div>
          <Button component={Link} to={props.allHref} variant="light" size="sm">
            {x.allReactions}
          </Button>
        </div>
      </Stack>
      <Dialog opened={open !== null} onClose={() => setOpen(null)} title={x.reaction} size="lg">
        {open && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {x.anonymousJob}
            </Text>
            <ResponseView response={open} />
          </Stack>
        )}
      </Dialog>
    </Paper>
  );
}
