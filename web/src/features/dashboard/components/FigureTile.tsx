import type { TFigure } from '@contracts';
import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Better } from '../figure-model';
import { Figure } from './Figure';

/** A figure of the overview on a card of its own. */
export function FigureTile(props: {
  label: string;
  figure: TFigure;
  better?: Better;
  extra?: ReactNode;
  /** the tile asks for attention (the basic process not in order) */
  flagged?: boolean;
}) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={props.flagged ? { borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 } : undefined}
    >
      <Figure figure={props.figure} label={props.label} better={props.better} extra={props.extra} />
    </Paper>
  );
}
