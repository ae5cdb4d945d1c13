import type { TOrganisationSettings } from '@contracts';
import { Button, ColorInput, Group, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { api, v1 } from '../../../lib/api';
import { applyIssues } from '../../../lib/form-issues';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { useOrganisationSettings } from '../api';
import { useTexts } from '../texts';

/** The settings as the form holds them (src/contracts TOrganisationSettings): an empty field is "not set". */
type Organisation = { [K in keyof TOrganisationSettings]: string };

const empty: Organisation = {
  name: '',
  logoUrl: '',
  primaryColor: '',
  accentColor: '',
  senderName: '',
  senderEmail: '',
  timeZone: 'Europe/Amsterdam',
};

export default function OrganisationSettings() {
  const { t } = useI18n();
  const x = useTexts();
  const queryClient = useQueryClient();
  const query = useOrganisationSettings();
  const form = useForm<Organisation>({ initialValues: empty });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (query.data) {
      const values = Object.fromEntries(
        Object.entries(query.data).map(([k, v]) => [k, v ?? '']),
      ) as Organisation;
      setValues(values);
      resetDirty(values);
    }
  }, [query.data, setValues, resetDirty]);
  const save = useMutation({
    // empty fields mean "not set"
    mutationFn: (v: Organisation) =>
      api.put(
        v1('/organisation'),
        Object.fromEntries(Object.entries(v).map(([k, value]) => [k, value === '' ? null : value])),
      ),
    onSuccess: () => {
      notifications.show({ color: 'green', message: x.org.saved });
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisation.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.loginInfo });
    },
    onError: (err) => {
      // show the server's complaint beside the field it names (a 400's issues)
      applyIssues(form, err);
      notifications.show({ color: 'red', title: x.saveFailed, message: err.message });
    },
  });
  return (
    <Page title={t('nav.organisation')}>
      <QueryState query={query}>
        {() => (
          <Paper withBorder p="md" maw={720}>
            <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
              <Stack>
                <TextInput label={t('field.name')} required {...form.getInputProps('name')} />
                <TextInput label={x.org.logoUrl} type="url" {...form.getInputProps('logoUrl')} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <ColorInput
                    withEyeDropper={false}
                    label={x.org.primaryColor}
                    format="hex"
                    {...form.getInputProps('primaryColor')}
                  />
                  <ColorInput
                    withEyeDropper={false}
                    label={x.org.accentColor}
                    format="hex"
                    {...form.getInputProps('accentColor')}
                  />
                  <TextInput label={x.org.senderName} {...form.getInputProps('senderName')} />
                  <TextInput label={x.org.senderEmail} type="email" {...form.getInputProps('senderEmail')} />
                </SimpleGrid>
                <TextInput label={x.org.timeZone} {...form.getInputProps('timeZone')} />
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {x.org.save}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
      </QueryState>
    </Page>
  );
}
