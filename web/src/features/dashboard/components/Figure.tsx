import type { TFigure } from '@contracts';
import { Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconFlag, IconFlagCheck } from '@tabler/icons-react';
import { createContext, type ReactNode, useContext } from 'react';
import { type Better, type ChangeAgainst, type DescribedChange, describeFigure } from '../figure-model';
import { useTexts } from '../texts';

/** which changes the figures of a page name, and against what ("vorig jaar"): set by the page */
export const FigureChanges = createContext<ChangeAgainst[]>([]);

/**
 * Better blue, worse a dark orange — apart for the usual colour-vision deficiencies, said in words
 * too, and both above 4.5:1 on white (Mantine's orange.9 is 4.1:1).
 */
export const betterColor = 'blue.8';
export const worseColor = '#a63a0a';
const changeColor = (c: DescribedChange) => (c.good ? betterColor : worseColor);

function Change({ change, size }: { change: DescribedChange; size: 'sm' | 'xs' }) {
  // a table cell says it short, with the whole sentence for screen readers and on hover
  const words =
    size === 'xs' ? (
      <>
        <span aria-hidden>{change.short}</span>
        <VisuallyHidden>{change.text}</VisuallyHidden>
      </>
    ) : (
      change.text
    );
  if (!change.significant)
    return (
      <Text size={size} c="dimmed" title={change.text}>
        {words}
      </Text>
    );
  const Arrow = change.direction === 'up' ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Group gap={4} wrap="nowrap" c={changeColor(change)} align="flex-start" title={change.text}>
      <Arrow size={size === 'sm' ? 18 : 14} aria-hidden style={{ flexShrink: 0 }} />
      <Text size={size} c="inherit" fw={600}>
        {words}
      </Text>
    </Group>
  );
}

/**
 * The one way a figure shows, on every screen: its value (or "n = 3, te weinig reacties" below the
 * minimum n), n and the 95 % interval, the change against the page's comparison periods — an arrow
 * only when significant — and how far its target is. `tile` for the overview, `cell` for a table
 * (value, interval, change, target), `value` for a dense column (value and interval).
 */
export function Figure({
  figure,
  label,
  size = 'tile',
  better = 'higher',
  extra,
}: {
  figure: TFigure;
  label?: ReactNode;
  size?: 'tile' | 'cell' | 'value';
  better?: Better;
  /** a line of the tile's own under the figure (the response rate's invitations) */
  extra?: ReactNode;
}) {
  const x = useTexts();
  const changes = useContext(FigureChanges);
  const d = describeFigure(figure, x.figure, { better, changes });
  const TargetIcon = d.target?.met ? IconFlagCheck : IconFlag;
  const target = d.target && (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <TargetIcon size={size === 'tile' ? 16 : 14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size={size === 'tile' ? 'sm' : 'xs'} fw={d.target.met === false ? 600 : undefined}>
        {d.target.text}
      </Text>
    </Group>
  );
  if (size !== 'tile') {
    return (
      <Stack gap={0} miw={size === 'cell' ? 150 : 80}>
        {d.hidden ? (
          <Tooltip label={x.tooFewHint(figure.minimumN)} multiline w={240}>
            <Text size="xs" c="dimmed" tabIndex={0}>
              {d.value}
            </Text>
          </Tooltip>
        ) : (
          <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {d.value}
          </Text>
        )}
        {d.shortInterval && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {d.shortInterval}
          </Text>
        )}
        {size === 'cell' && d.changes.map((c) => <Change key={c.key} change={c} size="xs" />)}
        {size === 'cell' && target}
      </Stack>
    );
  }
  return (
    <Stack gap={6}>
      {label && (
        <Text size="sm" fw={600} c="dimmed">
          {label}
        </Text>
      )}
      {d.hidden ? (
        <Stack gap={2}>
          <Text size="lg" fw={600}>
            {d.value}
          </Text>
          <Text size="xs" c="dimmed">
            {x.tooFewHint(figure.minimumN)}
          </Text>
        </Stack>
      ) : (
        <>
          <Text fz={34} fw={700} lh={1.1}>
            {d.value}
          </Text>
          <Text size="xs" c="dimmed">
            {d.n}
            {d.interval && ` · ${d.interval}`}
          </Text>
        </>
      )}
      {target}
      {d.changes.map((c) => (
        <Change key={c.key} change={c} size="sm" />
      ))}
      {extra}
    </Stack>
  );
}
