import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { api, v1 } from '../../lib/api';
import type { QuestionnaireItem, QuestionnaireVersion } from './api';
import { useTexts } from './texts';

/** "Publiceren", after a confirmation that says what happens to answers already given. */
export function PublishButton({
  item,
  version,
  dirty,
  saveFirst,
  onPublished,
}: {
  item: QuestionnaireItem;
  version: number;
  dirty: boolean;
  saveFirst: () => Promise<unknown>;
  onPublished: () => void;
}) {
  const x = useTexts();
  const [opened, { open, close }] = useDisclosure();
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await saveFirst();
      return api.post<QuestionnaireVersion>(v1(`/questionnaires/${item.id}/publish`));
    },
    onSuccess: (published) => {
      close();
      notifications.show({ color: 'green', message: x.published(published.version) });
      onPublished();
    },
    onError: (err) => {
      close();
      // a failed save already said why, beside the questions
      if (!dirty) notifications.show({ color: 'red', title: x.publish, message: err.message });
    },
  });
  return (
    <>
      <Button color="green.9" leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
        {x.publish}
      </Button>
      <Modal opened={opened} onClose={close} title={x.publishTitle(version)}>
        <Stack>
          <Text>{x.publishBody}</Text>
          {dirty && <Text fw={500}>{x.publishSavesFirst}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {x.cancel}
            </Button>
            <Button color="green.9" loading={publish.isPending} onClick={() => publish.mutate()}>
              {x.publishConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Leaving the page (in the app or the browser) with unsaved changes asks first. */
export function LeaveGuard({ when }: { when: boolean }) {
  const x = useTexts();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!when) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={x.leaveTitle}>
      <Stack>
        <Text>{x.leaveBody}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {x.stay}
          </Button>
          <Button color="red.9" onClick={() => blocker.proceed?.()}>
            {x.leave}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
