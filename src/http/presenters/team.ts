import { z } from 'zod';
import { employeeRoles } from '../../db/schema';
import type { getTeam } from '../../domain/teams/get-team';
import type { TeamRow } from '../../domain/teams/list-teams';
import { refOrNull, ZRef } from './page';

export const ZTeamItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  department: ZRef,
  region: ZRef.nullable(),
  leader: ZRef.nullable(),
  memberCount: z.number().int(),
});

export const ZTeamDetail = ZTeamItem.extend({
  members: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      role: z.enum(employeeRoles),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
});

export function presentTeam(t: TeamRow): z.infer<typeof ZTeamItem> {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    active: t.active,
    department: t.department,
    region: refOrNull(t.region),
    leader: refOrNull(t.leader),
    memberCount: Number(t.memberCount),
  };
}

export function presentTeamDetail(
  t: NonNullable<Awaited<ReturnType<typeof getTeam>>>,
): z.infer<typeof ZTeamDetail> {
  return {
    ...presentTeam(t),
    members: t.members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      validFrom: m.validFrom,
      validTo: m.validTo,
    })),
  };
}
