import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { employees } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { employeeScope } from '../../policy/scope';
import { selectEmployees } from './list-employees';

/** One employee; `null` when absent or outside the actor's scope. */
export async function getEmployee({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'masterdata.read');
  const [row] = await selectEmployees(db, actor).where(and(eq(employees.id, id), employeeScope(actor)));
  return row ?? null;
}
