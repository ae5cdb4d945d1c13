import { Button, ColorInput, Group, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { ApiError, api, v1 } from '../../lib/api';
import { useI18n } from '../../lib/i18n';

interface Organisation {
  name: string;
  logoUrl: string | null;
  primaryColor: string | null;
  accentColor: string | null;
  senderName: string | null;
  senderEmail: string | null;
  timeZone: string;
}

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
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['/organisation'],
    queryFn: () => api.get<Organisation>(v1('/organisation')),
  });
  const form = useForm<Organisation>({ initialValues: empty });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (query.data) {
      const values = Object.fromEntries(
        Object.entries(query.data).map(([k, v]) => [k, v ?? '']),
      ) as unknown as Organisation;
      setValues(values);
      resetDirty(values);
    }
  }, [query.data, setValues, resetDirty]);
  const save = useMutation({
    // empty fields mean "not set"
    mutationFn: (v: Organisation) =>
      api.put(
        v1('/organisation'),
        Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' ? null : x])),
      ),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('admin.org.saved') });
      void queryClient.invalidateQueries({ queryKey: ['/organisation'] });
      void queryClient.invalidateQueries({ queryKey: ['login-info'] });
    },
    onError: (err) => {
      // show the server's complaint beside the field it names
      const issues =
        err instanceof ApiError
          ? (err.body as { issues?: Array<{ field: string; message: string }> })?.issues
          : undefined;
      for (const i of issues ?? []) form.setFieldError(i.field.replace(/^body\./, ''), i.message);
      notifications.show({ color: 'red', title: t('error.save'), message: err.message });
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
                <TextInput label={t('admin.org.logoUrl')} type="url" {...form.getInputProps('logoUrl')} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <ColorInput
                    withEyeDropper={false}
                    label={t('admin.org.primaryColor')}
                    format="hex"
                    {...form.getInputProps('primaryColor')}
                  />
                  <ColorInput
                    withEyeDropper={false}
                    label={t('admin.org.accentColor')}
                    format="hex"
                    {...form.getInputProps('accentColor')}
                  />
                  <TextInput label={t('admin.org.senderName')} {...form.getInputProps('senderName')} />
                  <TextInput
                    label={t('admin.org.senderEmail')}
                    type="email"
                    {...form.getInputProps('senderEmail')}
                  />
                </SimpleGrid>
                <TextInput label={t('admin.org.timeZone')} {...form.getInputProps('timeZone')} />
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {t('admin.org.save')}
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
