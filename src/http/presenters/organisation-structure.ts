import { z } from 'zod';
import type { listDepartments } from '../../domain/teams/list-departments';
import type { listRegions } from '../../domain/teams/list-regions';

export const ZDepartment = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['repair', 'planned']),
});
export const ZRegion = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

type DepartmentRow = Awaited<ReturnType<typeof listDepartments>>[number];
type RegionRow = Awaited<ReturnType<typeof listRegions>>[number];

export const presentDepartment = (d: DepartmentRow): z.infer<typeof ZDepartment> => ({
  id: d.id,
  code: d.code,
  name: d.name,
  kind: d.kind,
});
export const presentRegion = (r: RegionRow): z.infer<typeof ZRegion> => ({
  id: r.id,
  code: r.code,
  name: r.name,
});
