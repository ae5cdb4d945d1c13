import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Dialog } from '../../../components/Dialog';
import { api, v1 } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import type { QuestionnaireItem, QuestionnaireVersion } from '../api';
import { notify } from '../notify';
import { useTexts } from '../texts';

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
  const { locale } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await saveFirst();
      return api.post<QuestionnaireVersion>(v1(`/questionnaires/${item.id}/publish`));
    },
    onSuccess: (published) => {
      close();
      notify(locale, 'green', x.published(published.version));
      onPublished();
    },
    onError: (err) => {
      close();
      // a failed save already said why, beside the questions
      if (!dirty) notify(locale, 'red', `${x.publish}: ${err.message}`);
    },
  });
  return (
    <>
      <Button variant="outline" leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
        {x.publish}
      </Button>
      <Dialog opened={opened} onClose={close} title={x.publishTitle(version)}>
        <Stack>
          <Text>{x.publishBody}</Text>
          {dirty && <Text fw={500}>{x.publishSavesFirst}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {x.cancel}
            </Button>
            <Button loading={publish.isPending} onClick={() => publish.mutate()}>
              {x.publishConfirm}
            </Button>
          </Group>
        </Stack>
      </Dialog>
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
    <Dialog opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={x.leaveTitle}>
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
    </Dialog>
  );
}
