import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { api, v1 } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

interface ApiKey {
  id: number;
  name: string;
  prefix?: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const scopes = ['jobs:read', 'jobs:write', 'masterdata:read', 'masterdata:write'];

export default function ApiKeys() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: ['/api-keys'],
    queryFn: () => api.get<{ items: ApiKey[] }>(v1('/api-keys')),
  });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(['jobs:write', 'masterdata:write']);
  const [token, setToken] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api-keys'] });
  const create = useMutation({
    mutationFn: () => api.post<ApiKey & { token: string }>(v1('/api-keys'), { name, scopes: chosen }),
    onSuccess: (key) => {
      setToken(key.token);
      setName('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.delete(v1(`/api-keys/${id}`)),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <Page title={t('nav.apiKeys')}>
      {token && (
        <Alert color="yellow" title={t('admin.keys.once')} role="status">
          <Group gap="sm" wrap="nowrap">
            <Code data-testid="api-key-token" style={{ wordBreak: 'break-all' }}>
              {token}
            </Code>
            <CopyButton value={token}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                  }
                >
                  {copied ? t('admin.keys.copied') : t('admin.keys.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={submit}>
          <Stack>
            <Title order={2} size="h4">
              {t('admin.keys.new')}
            </Title>
            <TextInput
              label={t('field.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={{ base: '100%', sm: 360 }}
            />
            <Checkbox.Group label={t('field.scopes')} value={chosen} onChange={setChosen}>
              <Group mt="xs">
                {scopes.map((s) => (
                  <Checkbox key={s} value={s} label={s} />
                ))}
              </Group>
            </Checkbox.Group>
            {create.isError && (
              <Alert color="red" role="alert">
                {create.error.message}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('admin.keys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <QueryState query={keys}>
        {(data) => (
          <ListTable
            caption={t('nav.apiKeys')}
            data={data}
            rowKey={(k) => k.id}
            columns={[
              { label: t('field.name'), render: (k) => k.name },
              { label: t('admin.keys.prefix'), render: (k) => (k.prefix ? <Code>{k.prefix}…</Code> : '–') },
              { label: t('field.scopes'), render: (k) => k.scopes.join(', ') },
              { label: t('field.createdAt'), render: (k) => formatDateTime(k.createdAt) },
              { label: t('field.lastUsed'), render: (k) => formatDateTime(k.lastUsedAt) },
              {
                label: t('field.status'),
                render: (k) =>
                  k.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {t('admin.keys.revoked')}
                    </Badge>
                  ) : (
                    <Button
                      size="compact-xs"
                      color="red"
                      variant="light"
                      aria-label={`${t('admin.keys.revoke')}: ${k.name}`}
                      onClick={() => window.confirm(t('admin.keys.confirmRevoke')) && revoke.mutate(k.id)}
                    >
                      {t('admin.keys.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}
