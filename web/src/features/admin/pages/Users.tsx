import { userRoles as roles, type UserRole } from '@contracts';
import { Badge, Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../../components/Dialog';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { SearchBox } from '../../../components/SearchBox';
import { api, v1 } from '../../../lib/api';
import { applyIssues } from '../../../lib/form-issues';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { useUrlState } from '../../../lib/url-state';
import { useUsers } from '../api';
import { useTexts } from '../texts';

function NewUser({ onDone }: { onDone: () => void }) {
  const { t, tv } = useI18n();
  const x = useTexts();
  const form = useForm<{ email: string; name: string; role: UserRole; password: string }>({
    initialValues: { email: '', name: '', role: 'employee', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : x.users.emailInvalid),
      name: (v) => (v.trim() ? null : t('field.name')),
      password: (v) => (!v || v.length >= 10 ? null : x.users.passwordTooShort),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post(v1('/users'), { ...v, password: v.password || undefined }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: x.users.created });
      onDone();
    },
    onError: (err) => {
      // a 400 names the fields it refused (docs/API.md): say each at its field
      const { placed, rest } = applyIssues(form, err);
      if (!placed || rest.length)
        notifications.show({
          color: 'red',
          title: x.saveFailed,
          message: rest.length ? rest.map((i) => `${i.field}: ${i.message}`).join('; ') : err.message,
        });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
      <Stack>
        <TextInput label={t('field.email')} type="email" required {...form.getInputProps('email')} />
        <TextInput label={t('field.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('field.role')}
          data={roles.map((r) => ({ value: r, label: tv('role', r) }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <PasswordInput
          label={x.users.password}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={create.isPending}>
          {x.users.create}
        </Button>
      </Stack>
    </form>
  );
}

export default function Users() {
  const { t, tv } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['q'] as const);
  const query = useUsers({ q: values.q, page });
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
  const patch = useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: UserRole; disabled?: boolean }) =>
      api.patch(v1(`/users/${id}`), body),
    onSuccess: refresh,
    onError: (err) => notifications.show({ color: 'red', title: x.saveFailed, message: err.message }),
  });
  return (
    <Page
      title={t('nav.users')}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          {x.users.new}
        </Button>
      }
    >
      <Dialog opened={opened} onClose={close} title={x.users.new}>
        <NewUser
          onDone={() => {
            close();
            void refresh();
          }}
        />
      </Dialog>
      <Group>
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.users')}
            data={data}
            rowKey={(u) => u.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              { label: t('field.name'), render: (u) => u.name },
              { label: t('field.email'), render: (u) => u.email },
              {
                label: t('field.role'),
                render: (u) => (
                  <Select
                    aria-label={`${x.users.changeRole} ${u.name}`}
                    size="xs"
                    w={190}
                    value={u.role}
                    allowDeselect={false}
                    data={roles.map((r) => ({ value: r, label: tv('role', r) }))}
                    onChange={(role) =>
                      role && role !== u.role && patch.mutate({ id: u.id, role: role as UserRole })
                    }
                  />
                ),
              },
              { label: t('field.createdAt'), render: (u) => formatDateTime(u.createdAt) },
              {
                label: t('field.status'),
                render: (u) => (
                  <Group gap="xs" wrap="nowrap">
                    {u.disabled && (
                      <Badge color="red" variant="light">
                        {x.users.disabled}
                      </Badge>
                    )}
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => patch.mutate({ id: u.id, disabled: !u.disabled })}
                      aria-label={`${u.disabled ? x.users.enable : x.users.disable}: ${u.name}`}
                    >
                      {u.disabled ? x.users.enable : x.users.disable}
                    </Button>
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}
