import { Alert, Button, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isNotFound } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { NotFound } from '../pages/NotFound';

/**
 * Loading, failure and "niet gevonden" in one place. A 404 renders the not-found page and
 * nothing of the requested record: out-of-scope rows must look exactly like missing ones.
 */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound />;
    return (
      <Alert color="red" title={t('app.error')} role="alert">
        {query.error.message}
        <div>
          <Button mt="sm" variant="light" onClick={() => query.refetch()}>
            {t('app.retry')}
          </Button>
        </div>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
