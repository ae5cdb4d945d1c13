import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { resetPassword } from '../api';
import { LoginLayout } from '../components/LoginLayout';
import { type SignInText, useTexts } from '../texts';

/** Where the reset e-mail lands: better-auth appends ?token=… (or ?error=INVALID_TOKEN). */
export function ResetPassword() {
  const x = useTexts();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<SignInText | null>(token && !params.get('error') ? null : 'invalidLink');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < 10) return setError('tooShort');
    if (password !== repeat) return setError('mismatch');
    setBusy(true);
    setError(null);
    try {
      await resetPassword(password, token);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? 'tooMany' : 'invalidLink');
    } finally {
      setBusy(false);
    }
  }

  return (
    <LoginLayout title={x.resetTitle}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {x[error]}
          </Alert>
        )}
        {done ? (
          <Alert color="green" role="status">
            {x.resetDone}
          </Alert>
        ) : (
          token && (
            <form onSubmit={submit} noValidate>
              <Stack>
                <PasswordInput
                  label={x.newPassword}
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <PasswordInput
                  label={x.repeatPassword}
                  autoComplete="new-password"
                  value={repeat}
                  onChange={(e) => setRepeat(e.currentTarget.value)}
                />
                <Button type="submit" loading={busy}>
                  {x.savePassword}
                </Button>
              </Stack>
            </form>
          )
        )}
        <Anchor component={Link} to="/login" size="sm">
          {x.back}
        </Anchor>
      </Stack>
    </LoginLayout>
  );
}
