import type { TRef } from '@contracts';
import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';

/** An employee's teams, each a link to its page. */
export function TeamLinks({ teams }: { teams: TRef[] }) {
  if (teams.length === 0) return <>–</>;
  return (
    <Group gap={6}>
      {teams.map((team) => (
        <Anchor key={team.id} component={Link} to={`/teams/${team.id}`} size="sm">
          {team.name}
        </Anchor>
      ))}
    </Group>
  );
}
