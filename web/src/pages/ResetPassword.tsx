import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n-nl';
import { LoginLayout } from './LoginLayout';

/** Where the reset e-mail lands: better-auth appends ?token=… (or ?error=INVALID_TOKEN). */
export function ResetPassword() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<MessageKey | null>(
    token && !params.get('error') ? null : 'reset.invalid',
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < 10) return setError('reset.tooShort');
    if (password !== repeat) return setError('reset.mismatch');
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/reset-password', { newPassword: password, token });
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? 'login.tooMany' : 'reset.invalid');
    } finally {
      setBusy(false);
    }
  }

  return (
    <LoginLayout title={t('reset.title')}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {t(error)}
          </Alert>
        )}
        {done ? (
          <Alert color="green" role="status">
            {t('reset.done')}
          </Alert>
        ) : (
          token && (
            <form onSubmit={submit} noValidate>
              <Stack>
                <PasswordInput
                  label={t('reset.password')}
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('reset.repeat')}
                  autoComplete="new-password"
                  value={repeat}
                  onChange={(e) => setRepeat(e.currentTarget.value)}
                />
                <Button type="submit" loading={busy}>
                  {t('reset.submit')}
                </Button>
              </Stack>
            </form>
          )
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('login.back')}
        </Anchor>
      </Stack>
    </LoginLayout>
  );
}
