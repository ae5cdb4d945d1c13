import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label/value pairs of a detail page, as a definition list for screen readers. */
export function Fields({ items }: { items: Array<[label: string, value: ReactNode]> }) {
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
        {items.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {value ?? '–'}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
