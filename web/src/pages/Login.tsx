import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n-nl';
import { meQueryKey } from '../lib/me';
import { LoginLayout, useLoginInfo } from './LoginLayout';
import { loginRefusal } from './login-refusal';

type Notice = { kind: 'error' | 'info'; key: MessageKey; detail?: string } | null;

export function Login() {
  const { t } = useI18n();
  const info = useLoginInfo().data;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  // only same-site paths: ?next= must never send someone elsewhere after signing in
  const asked = params.get('next') ?? '/';
  const next = asked.startsWith('/') && !asked.startsWith('//') ? asked : '/';

  // a password sign-in may be refused for a quarter of an hour (attempts per account); a sign-in link
  // or reset mail only for a minute (per address)
  async function attempt(
    action: () => Promise<unknown>,
    success?: Notice,
    tooMany: MessageKey = 'login.tooMany',
  ) {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      if (success) setNotice(success);
    } catch (err) {
      setNotice({ kind: 'error', ...loginRefusal(err, tooMany) });
    } finally {
      setBusy(false);
    }
  }

  const signIn = (e: FormEvent) => {
    e.preventDefault();
    void attempt(
      async () => {
        await api.post('/api/auth/sign-in/email', { email, password });
        await queryClient.invalidateQueries({ queryKey: meQueryKey });
        navigate(next, { replace: true });
      },
      undefined,
      'login.tooManyPasswords',
    );
  };
  const needEmail = () => {
    if (email.trim()) return false;
    setNotice({ kind: 'error', key: 'login.emailFirst' });
    return true;
  };
  const sendMagicLink = () =>
    needEmail() ||
    attempt(() => api.post('/api/auth/sign-in/magic-link', { email, callbackURL: next }), {
      kind: 'info',
      key: 'login.magicSent',
    });
  const forgot = () =>
    needEmail() ||
    attempt(
      () =>
        api.post('/api/auth/request-password-reset', {
          email,
          redirectTo: `${location.origin}/reset-password`,
        }),
      { kind: 'info', key: 'login.forgotSent' },
    );

  return (
    <LoginLayout title={t('login.title')}>
      <form onSubmit={signIn} noValidate>
        <Stack>
          {notice && (
            <Alert
              color={notice.kind === 'error' ? 'red' : 'blue'}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              {t(notice.key)}
              {notice.detail && (
                <Text size="xs" mt="xs">
                  {notice.detail}
                </Text>
              )}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={sendMagicLink} size="sm">
              {t('login.magic')}
            </Anchor>
            <Anchor component="button" type="button" onClick={forgot} size="sm">
              {t('login.forgot')}
            </Anchor>
          </Group>
        </Stack>
      </form>
      {info?.demo && info.demoLogins.length === 0 && (
        <Alert mt="xl" color="yellow" role="status">
          {t('login.demoElsewhere')}
          {info.demoSignInRefused && (
            <Text size="xs" mt="xs">
              {info.demoSignInRefused}
            </Text>
          )}
        </Alert>
      )}
      {info?.demo && info.demoLogins.length > 0 && (
        <Stack mt="xl" gap="xs">
          <Text size="sm" fw={600}>
            {t('login.demo')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {info.demoLogins.map((l) => (
                <Table.Tr key={l.email}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => {
                        setEmail(l.email);
                        if (info.demoPassword) setPassword(info.demoPassword);
                      }}
                    >
                      {l.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {l.label}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {info.demoPassword && (
            <Text size="sm">
              {t('login.demoPassword')}: <Code>{info.demoPassword}</Code>
            </Text>
          )}
        </Stack>
      )}
    </LoginLayout>
  );
}
