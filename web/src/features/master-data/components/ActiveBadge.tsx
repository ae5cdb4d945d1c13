import { Badge } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';

/** Whether an employee or contractor is active: "ja" or "nee". */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {active ? t('yes') : t('no')}
    </Badge>
  );
}
