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
import { queryKeys } from '../../../lib/query-keys';
import { requestPasswordReset, sendSignInLink, signInWithPassword, useLoginInfo } from '../api';
import { LoginLayout } from '../components/LoginLayout';
import { loginRefusal } from '../login-refusal';
import { type SignInText, useTexts } from '../texts';

type Notice = { kind: 'error' | 'info'; key: SignInText; detail?: string } | null;

export function Login() {
  const x = useTexts();
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
  async function attempt(action: () => Promise<unknown>, success?: Notice, tooMany: SignInText = 'tooMany') {
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
        await signInWithPassword(email, password);
        await queryClient.invalidateQueries({ queryKey: queryKeys.me });
        navigate(next, { replace: true });
      },
      undefined,
      'tooManyPasswords',
    );
  };
  const needEmail = () => {
    if (email.trim()) return false;
    setNotice({ kind: 'error', key: 'emailFirst' });
    return true;
  };
  const sendMagicLink = () =>
    needEmail() || attempt(() => sendSignInLink(email, next), { kind: 'info', key: 'magicSent' });
  const forgot = () =>
    needEmail() || attempt(() => requestPasswordReset(email), { kind: 'info', key: 'forgotSent' });

  return (
    <LoginLayout title={x.title}>
      <form onSubmit={signIn} noValidate>
        <Stack>
          {notice && (
            <Alert
              color={notice.kind === 'error' ? 'red' : 'blue'}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              {x[notice.key]}
              {notice.detail && (
                <Text size="xs" mt="xs">
                  {notice.detail}
                </Text>
              )}
            </Alert>
          )}
          <TextInput
            label={x.email}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={x.password}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            {x.submit}
          </Button>
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={sendMagicLink} size="sm">
              {x.magic}
            </Anchor>
            <Anchor component="button" type="button" onClick={forgot} size="sm">
              {x.forgot}
            </Anchor>
          </Group>
        </Stack>
      </form>
      {info?.demo && info.demoLogins.length === 0 && (
        <Alert mt="xl" color="yellow" role="status">
          {x.demoElsewhere}
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
            {x.demo}
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
              {x.demoPassword}: <Code>{info.demoPassword}</Code>
            </Text>
          )}
        </Stack>
      )}
    </LoginLayout>
  );
}
