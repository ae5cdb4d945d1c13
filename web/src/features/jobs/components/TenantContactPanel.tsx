import { Button, Stack, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useState } from 'react';
import { Fields } from '../../../components/Fields';
import { QueryState } from '../../../components/QueryState';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useTenantContact } from '../api';
import { useTexts } from '../texts';

/** Tenant contact data is fetched only on an explicit click: each opening is audited. */
export function TenantContactPanel({ jobId }: { jobId: number }) {
  const { t, tv } = useI18n();
  const x = useTexts();
  const [open, setOpen] = useState(false);
  const contact = useTenantContact(jobId, open);
  if (!open) {
    return (
      <Stack gap={4} align="flex-start">
        <Button
          variant="light"
          leftSection={<IconAddressBook size={16} aria-hidden />}
          onClick={() => setOpen(true)}
        >
          {x.showContact}
        </Button>
        <Text size="xs" c="dimmed">
          {t('tenant.contactLogged')}
        </Text>
      </Stack>
    );
  }
  return (
    <QueryState query={contact}>
      {(c) => (
        <Fields
          items={[
            [t('field.name'), c.name],
            [t('field.email'), c.email],
            [x.mobile, c.mobile],
            [x.preferredChannel, tv('channel', c.preferredChannel)],
            [
              t('field.optedOut'),
              c.optedOut
                ? c.selfOptedOutAt
                  ? `${t('yes')} — ${t('tenant.optedOutSelf')} ${formatDate(c.selfOptedOutAt)}`
                  : t('yes')
                : t('no'),
            ],
          ]}
        />
      )}
    </QueryState>
  );
}
