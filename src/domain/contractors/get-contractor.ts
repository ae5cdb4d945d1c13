import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractorContacts, contractors } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { contractorScope } from '../../policy/scope';
import { selectContractors } from './list-contractors';

/** One contractor with its contact persons; `null` when absent or outside the actor's scope. */
export async function getContractor({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'masterdata.read');
  const [row] = await selectContractors(db).where(and(eq(contractors.id, id), contractorScope(actor)));
  if (!row) return null;
  const contacts = await db
    .select({
      id: contractorContacts.id,
      name: contractorContacts.name,
      email: contractorContacts.email,
      phone: contractorContacts.phone,
    })
    .from(contractorContacts)
    .where(eq(contractorContacts.contractorId, id))
    .orderBy(asc(contractorContacts.name));
  return { ...row, contacts };
}
