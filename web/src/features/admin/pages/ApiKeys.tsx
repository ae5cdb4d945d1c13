import { type ApiKeyScope, apiKeyScopes } from '@contracts';
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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { api, v1 } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { createApiKey, useApiKeys } from '../api';
import { useTexts } from '../texts';

export default function ApiKeys() {
  const { t } = useI18n();
  const x = useTexts();
  const queryClient = useQueryClient();
  const keys = useApiKeys();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ApiKeyScope[]>(['jobs:write', 'masterdata:write']);
  const [token, setToken] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all });
  const create = useMutation({
    mutationFn: () => createApiKey({ name, scopes: chosen }),
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
        <Alert color="yellow" title={x.keys.once} role="status">
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
                  {copied ? x.keys.copied : x.keys.copy}
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
              {x.keys.new}
            </Title>
            <TextInput
              label={t('field.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={{ base: '100%', sm: 360 }}
            />
            <Checkbox.Group
              label={x.keys.scopes}
              value={chosen}
              onChange={(values) => setChosen(values as ApiKeyScope[])}
            >
              <Group mt="xs">
                {apiKeyScopes.map((s) => (
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
                {x.keys.create}
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
              { label: x.keys.prefix, render: (k) => (k.prefix ? <Code>{k.prefix}…</Code> : '–') },
              { label: x.keys.scopes, render: (k) => k.scopes.join(', ') },
              { label: t('field.createdAt'), render: (k) => formatDateTime(k.createdAt) },
              { label: x.keys.lastUsed, render: (k) => formatDateTime(k.lastUsedAt) },
              {
                label: t('field.status'),
                render: (k) =>
                  k.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {x.keys.revoked}
                    </Badge>
                  ) : (
                    <Button
                      size="compact-xs"
                      color="red"
                      variant="light"
                      aria-label={`${x.keys.revoke}: ${k.name}`}
                      onClick={() => window.confirm(x.keys.confirmRevoke) && revoke.mutate(k.id)}
                    >
                      {x.keys.revoke}
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
