import { Badge, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleMinus } from '@tabler/icons-react';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/i18n-nl';

/**
 * A grade with its band (8+, 6–7, 5 or lower) told three ways — colour, icon and a word for screen
 * readers — so nobody depends on telling green from red. Blue and orange stay apart for the usual
 * colour-vision deficiencies.
 */
const bands = [
  { min: 8, color: 'blue', variant: 'filled', Icon: IconCircleCheck, label: 'responses.band.high' },
  { min: 6, color: 'gray', variant: 'light', Icon: IconCircleMinus, label: 'responses.band.mid' },
  { min: 0, color: 'orange', variant: 'filled', Icon: IconAlertTriangle, label: 'responses.band.low' },
] as const satisfies readonly { min: number; label: MessageKey; [other: string]: unknown }[];

export function GradeBadge({ grade, size = 'md' }: { grade: number | null; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useI18n();
  if (grade === null) return <>–</>;
  const band = bands.find((b) => grade >= b.min) ?? bands[2];
  const iconSize = size === 'xl' ? 22 : size === 'lg' ? 18 : 14;
  return (
    <Badge
      color={band.color}
      variant={band.variant}
      size={size}
      radius="sm"
      leftSection={<band.Icon size={iconSize} aria-hidden />}
      title={t(band.label)}
    >
      {grade}
      <VisuallyHidden> ({t(band.label)})</VisuallyHidden>
    </Badge>
  );
}

/** NPS answer with its group: promoter 9–10, passive 7–8, detractor 0–6. */
export function npsGroup(nps: number): MessageKey {
  if (nps >= 9) return 'responses.nps.promoter';
  if (nps >= 7) return 'responses.nps.passive';
  return 'responses.nps.detractor';
}
