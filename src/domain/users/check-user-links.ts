import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractorContacts, employees } from '../../db/schema';
import { invalidFields } from '../errors';

/**
 * An account stands for at most one employee and one contractor contact person; a link to a row
 * that does not exist would silently give the account an empty scope, so it is refused up front.
 */
export async function checkUserLinks(
  db: Db,
  links: { employeeId?: number | null; contractorContactId?: number | null },
) {
  const issues: { field: string; message: string }[] = [];
  if (links.employeeId != null) {
    const [row] = await db
      .select({ id: employees.id })
      .from(employees)
      .where(eq(employees.id, links.employeeId));
    if (!row) issues.push({ field: 'body.employeeId', message: `no employee with id ${links.employeeId}` });
  }
  if (links.contractorContactId != null) {
    const [row] = await db
      .select({ id: contractorContacts.id })
      .from(contractorContacts)
      .where(eq(contractorContacts.id, links.contractorContactId));
    if (!row)
      issues.push({
        field: 'body.contractorContactId',
        message: `no contractor contact person with id ${links.contractorContactId}`,
      });
  }
  if (issues.length) throw invalidFields(issues);
}
