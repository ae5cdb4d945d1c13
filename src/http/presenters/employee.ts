import { z } from 'zod';
import { employeeRoles } from '../../db/schema';
import type { EmployeeRow } from '../../domain/employees/list-employees';
import { refOrNull, ZRef } from './page';

export const ZEmployeeItem = z.object({
  id: z.number().int(),
  externalId: z.string(),
  name: z.string(),
  role: z.enum(employeeRoles),
  trade: z.string().nullable(),
  department: ZRef.nullable(),
  teams: z.array(ZRef),
  active: z.boolean(),
});

/** Phone and e-mail appear only when the policy says this reader may reach this person. */
export const ZEmployeeDetail = ZEmployeeItem.extend({
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export function presentEmployee(e: EmployeeRow): z.infer<typeof ZEmployeeItem> {
  return {
    id: e.id,
    externalId: e.externalId,
    name: e.name,
    role: e.role,
    trade: e.trade,
    department: refOrNull(e.department),
    teams: e.teams.map((t) => ({ id: Number(t.id), name: t.name })),
    active: e.active,
  };
}

export function presentEmployeeDetail(e: EmployeeRow): z.infer<typeof ZEmployeeDetail> {
  return e.contactVisible ? { ...presentEmployee(e), email: e.email, phone: e.phone } : presentEmployee(e);
}
