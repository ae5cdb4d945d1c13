import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';

/** Shown for unknown paths and for every 404 from the API, including rows outside one's scope. */
export function NotFound() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('notFound.title')} · achtplus`;
  }, [t]);
  return (
    <Stack gap="sm" py="xl" data-testid="not-found">
      <Title order={1} size="h2">
        {t('notFound.title')}
      </Title>
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to="/jobs">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
