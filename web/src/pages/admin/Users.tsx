import { userRoles as roles, type TUser, type UserRole } from '@contracts';
import { Badge, Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { SearchBox } from '../../components/SearchBox';
import { api, v1 } from '../../lib/api';
import { applyIssues } from '../../lib/form-issues';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useList } from '../../lib/queries';
import { queryKeys } from '../../lib/query-keys';
import { useUrlState } from '../../lib/url-state';

/** An account as GET /users lists it (src/contracts). */
type User = TUser;

function NewUser({ onDone }: { onDone: () => void }) {
  const { t, tv } = useI18n();
  const form = useForm<{ email: string; name: string; role: UserRole; password: string }>({
    initialValues: { email: '', name: '', role: 'employee', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : t('login.email')),
      name: (v) => (v.trim() ? null : t('field.name')),
      password: (v) => (!v || v.length >= 10 ? null : t('reset.tooShort')),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post(v1('/users'), { ...v, password: v.password || undefined }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('admin.users.created') });
      onDone();
    },
    onError: (err) => {
      // a 400 names the fields it refused (docs/API.md): say each at its field
      const { placed, rest } = applyIssues(form, err);
      if (!placed || rest.length)
        notifications.show({
          color: 'red',
          title: t('error.save'),
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
          label={t('admin.users.password')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={create.isPending}>
          {t('admin.users.create')}
        </Button>
      </Stack>
    </form>
  );
}

export default function Users() {
  const { t, tv } = useI18n();
  const { values, page, set } = useUrlState(['q'] as const);
  const query = useList<User>('/users', { q: values.q, page });
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
  const patch = useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: UserRole; disabled?: boolean }) =>
      api.patch(v1(`/users/${id}`), body),
    onSuccess: refresh,
    onError: (err) => notifications.show({ color: 'red', title: t('error.save'), message: err.message }),
  });
  return (
    <Page
      title={t('nav.users')}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          {t('admin.users.new')}
        </Button>
      }
    >
      <Dialog opened={opened} onClose={close} title={t('admin.users.new')}>
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
                    aria-label={`${t('admin.users.changeRole')} ${u.name}`}
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
                        {t('field.disabled')}
                      </Badge>
                    )}
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => patch.mutate({ id: u.id, disabled: !u.disabled })}
                      aria-label={`${u.disabled ? t('admin.users.enable') : t('admin.users.disable')}: ${u.name}`}
                    >
                      {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
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
