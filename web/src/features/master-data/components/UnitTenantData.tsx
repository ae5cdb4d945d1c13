import type { TPage, TTenantItem } from '@contracts';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMailForward, IconTrash, IconUser } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { QueryState } from '../../../components/QueryState';
import { ApiError, api, v1 } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { useTenantsOfUnit } from '../api';
import { type Texts, useTexts } from '../texts';

/** A tenant as GET /tenants answers (src/contracts). */
type Tenant = TTenantItem;

/**
 * A home's tenant for an admin handling an AVG request: export everything about them, or erase
 * their personal data; and, when a tenant who opted out themselves asks for surveys again, undo
 * that. The tenant is looked up only on a click, because every lookup of tenant data is written to
 * the audit log.
 */
export function UnitTenantData({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const x = useTexts();
  const [open, setOpen] = useState(false);
  const tenants = useTenantsOfUnit(unitId, open);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {x.tenant.title}
      </Title>
      {!open ? (
        <Stack gap={4} align="flex-start">
          <Button
            variant="light"
            leftSection={<IconUser size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            {x.tenant.show}
          </Button>
          <Text size="xs" c="dimmed">
            {t('tenant.contactLogged')}
          </Text>
        </Stack>
      ) : (
        <QueryState query={tenants}>
          {(page) =>
            page.items.length === 0 ? (
              <Alert color="gray">{x.tenant.none}</Alert>
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
  const x = useTexts();
  const [opened, { open, close }] = useDisclosure();
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => api.post(v1(`/tenants/${tenant.id}/erase`), { confirm: typed }),
    onSuccess: () => {
      close();
      notifications.show({ color: 'green', message: x.tenant.erased });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants.all });
    },
  });
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center">
        <Text fw={500}>
          {tenant.name}{' '}
          <Text span c="dimmed">
            ({tenant.externalId})
          </Text>
        </Text>
        {/* a plain link: the server answers with an attachment, the session cookie goes along */}
        {tenant.can.exportData && (
          <Button
            component="a"
            href={v1(`/tenants/${tenant.id}/export`)}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {x.tenant.export}
          </Button>
        )}
        {tenant.can.erase && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={open}
          >
            {x.tenant.erase}
          </Button>
        )}
        <Dialog opened={opened} onClose={close} title={x.tenant.eraseTitle}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              erase.mutate();
            }}
          >
            <Stack>
              <Text>{x.tenant.eraseText}</Text>
              <TextInput
                label={`${x.tenant.confirmLabel}: ${tenant.externalId}`}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                autoComplete="off"
              />
              {erase.isError && (
                <Alert color="red" role="alert" title={x.tenant.eraseFailed}>
                  {erase.error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {x.cancel}
                </Button>
                <Button
                  type="submit"
                  color="red"
                  disabled={typed !== tenant.externalId}
                  loading={erase.isPending}
                >
                  {x.tenant.eraseConfirm}
                </Button>
              </Group>
            </Stack>
          </form>
        </Dialog>
        {tenant.can.optBackIn && <OptBackIn tenant={tenant} />}
      </Group>
      <Text size="sm" c="dimmed">
        {surveyState(tenant, t, x)}
      </Text>
    </Stack>
  );
}

function surveyState(tenant: Tenant, t: ReturnType<typeof useI18n>['t'], x: Texts) {
  if (!tenant.optedOut) return x.tenant.surveysOn;
  if (tenant.selfOptedOutAt)
    return `${t('field.optedOut')} — ${t('tenant.optedOutSelf')} ${formatDate(tenant.selfOptedOutAt)}`;
  return x.tenant.surveysOffByErp;
}

/**
 * The tenant asked the corporation for surveys again: an admin records why, and the tenant's own
 * opt-out is undone (audited). The answer is the tenant as it now is, put in place of the one
 * shown, so that no second lookup of tenant data lands in the audit log.
 */
function OptBackIn({ tenant }: { tenant: Tenant }) {
  const x = useTexts();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const optIn = useMutation({
    mutationFn: () => api.post<Tenant>(v1(`/tenants/${tenant.id}/opt-in`), { reason }),
    onSuccess: (optedIn) => {
      close();
      setReason('');
      notifications.show({ color: 'green', message: x.tenant.optedIn });
      queryClient.setQueriesData<TPage<Tenant>>(
        { queryKey: queryKeys.tenants.all },
        (page) =>
          page && { ...page, items: page.items.map((row) => (row.id === optedIn.id ? optedIn : row)) },
      );
    },
  });
  // after a 409 (someone else, or another tab, changed the tenant meanwhile) the page shows the tenant
  // as they now are once the dialog is closed: reading them now would take this button away, and the
  // dialog with the message that says why
  const closeDialog = () => {
    close();
    if (isConflict(optIn.error)) {
      optIn.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants.all });
    }
  };
  return (
    <>
      <Button variant="light" leftSection={<IconMailForward size={16} aria-hidden />} onClick={open}>
        {x.tenant.optIn}
      </Button>
      <Dialog opened={opened} onClose={closeDialog} title={x.tenant.optInTitle}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            optIn.mutate();
          }}
        >
          <Stack>
            <Text>{x.tenant.optInText}</Text>
            <Textarea
              label={x.tenant.optInReason}
              description={x.tenant.optInReasonHint}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
              required
              data-autofocus
            />
            {optIn.isError && (
              <Alert color="red" role="alert" title={x.tenant.optInFailed}>
                {isConflict(optIn.error) ? x.tenant.optInConflict : optIn.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeDialog}>
                {x.cancel}
              </Button>
              <Button type="submit" disabled={!reason.trim()} loading={optIn.isPending}>
                {x.tenant.optIn}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;
