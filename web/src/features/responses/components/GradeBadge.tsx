import { Badge, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleMinus } from '@tabler/icons-react';
import { type GradeBand, gradeBand } from '../model';
import { useTexts } from '../texts';

/**
 * A grade with its band (8+, 6–7, 5 or lower) told three ways — colour, icon and a word for screen
 * readers — so nobody depends on telling green from red. Blue and orange stay apart for the usual
 * colour-vision deficiencies.
 */
const bandLooks = {
  high: { color: 'blue', variant: 'filled', Icon: IconCircleCheck },
  mid: { color: 'gray', variant: 'light', Icon: IconCircleMinus },
  low: { color: 'orange', variant: 'filled', Icon: IconAlertTriangle },
} as const satisfies Record<GradeBand, unknown>;

export function GradeBadge({ grade, size = 'md' }: { grade: number | null; size?: 'md' | 'lg' | 'xl' }) {
  const x = useTexts();
  if (grade === null) return <>–</>;
  const band = gradeBand(grade);
  const look = bandLooks[band];
  const iconSize = size === 'xl' ? 22 : size === 'lg' ? 18 : 14;
  return (
    <Badge
      color={look.color}
      variant={look.variant}
      size={size}
      radius="sm"
      leftSection={<look.Icon size={iconSize} aria-hidden />}
      title={x.band[band]}
    >
      {grade}
      <VisuallyHidden> ({x.band[band]})</VisuallyHidden>
    </Badge>
  );
}
