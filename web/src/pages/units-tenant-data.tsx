import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash, IconUser } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { QueryState } from '../components/QueryState';
import { type Page as ApiPage, api, v1 } from '../lib/api';
import { useI18n } from '../lib/i18n';

interface Tenant {
  id: number;
  externalId: string;
  name: string;
}

/**
 * A home's tenant for an admin handling an AVG request: export everything about them, or erase
 * their personal data. The tenant is looked up only on a click, because every lookup of tenant
 * data is written to the audit log.
 */
export function UnitTenantData({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const tenants = useQuery({
    queryKey: ['/tenants', { unitId }],
    queryFn: () => api.get<ApiPage<Tenant>>(v1('/tenants'), { unitId, pageSize: 20 }),
    enabled: open,
  });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('tenantData.title')}
      </Title>
      {!open ? (
        <Stack gap={4} align="flex-start">
          <Button
            variant="light"
            leftSection={<IconUser size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            {t('tenantData.show')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('jobs.contactLogged')}
          </Text>
        </Stack>
      ) : (
        <QueryState query={tenants}>
          {(page) =>
            page.items.length === 0 ? (
              <Alert color="gray">{t('tenantData.none')}</Alert>
            ) : (
              page.items.map((tenant) => <TenantRow key={tenant.id} tenant={tenant} />)
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}

function TenantRow({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => api.post(v1(`/tenants/${tenant.id}/erase`), { confirm: typed }),
    onSuccess: () => {
      close();
      notifications.show({ color: 'green', message: t('tenantData.erased') });
      void queryClient.invalidateQueries({ queryKey: ['/tenants'] });
    },
  });
  return (
    <Group gap="sm" align="center">
      <Text fw={500}>
        {tenant.name}{' '}
        <Text span c="dimmed">
          ({tenant.externalId})
        </Text>
      </Text>
      {/* a plain link: the server answers with an attachment, the session cookie goes along */}
      <Button
        component="a"
        href={v1(`/tenants/${tenant.id}/export`)}
        download
        variant="light"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        {t('tenantData.export')}
      </Button>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        {t('tenantData.erase')}
      </Button>
      <Dialog opened={opened} onClose={close} title={t('tenantData.eraseTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            erase.mutate();
          }}
        >
          <Stack>
            <Text>{t('tenantData.eraseText')}</Text>
            <TextInput
              label={`${t('tenantData.confirmLabel')}: ${tenant.externalId}`}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
            />
            {erase.isError && (
              <Alert color="red" role="alert" title={t('tenantData.eraseFailed')}>
                {erase.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                disabled={typed !== tenant.externalId}
                loading={erase.isPending}
              >
                {t('tenantData.eraseConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Group>
  );
}
