import { and, asc, desc, eq } from 'drizzle-orm';
import type { Principal } from '@/lib/core/principal';
import type { ContactInput } from '@/lib/validation/crm';
import type { Db } from '../../client';
import { customerContacts, customerNotes, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { managedCustomer } from './managed';

/** A customer's people, the primary contact first. The caller has already found the customer in scope. */
export async function listContacts(db: Db, who: Principal, customerId: string) {
  return db
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.orgId, who.orgId), eq(customerContacts.customerId, customerId)))
    .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.name))
    .limit(100);
}

/** A new contact; made primary, it takes the mark from the previous primary in the same transaction. */
export async function addContact(db: Db, who: Principal, input: ContactInput, now: Date) {
  return db.transaction(async (tx) => {
    await managedCustomer(tx, who, input.customerId);
    if (input.isPrimary) await tx.update(customerContacts).set({ isPrimary: false }).where(and(eq(customerContacts.customerId, input.customerId), eq(customerContacts.isPrimary, true)));
    const [row] = await tx.insert(customerContacts).values({ orgId: who.orgId, ...input, createdAt: now }).returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.contact.add', entityType: 'customer', entityId: input.customerId, before: null, after: { contactId: row!.id, name: input.name, email: input.email, isPrimary: input.isPrimary } });
    return row!;
  });
}

export async function listNotes(db: Db, who: Principal, customerId: string, req: PageRequest) {
  const query = db
    .select({ id: customerNotes.id, body: customerNotes.body, createdAt: customerNotes.createdAt, authorName: users.name, total: windowTotal() })
    .from(customerNotes)
    .leftJoin(users, eq(users.id, customerNotes.authorUserId))
    .where(and(eq(customerNotes.orgId, who.orgId), eq(customerNotes.customerId, customerId)))
    .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id));
  return pageOf(req, query);
}

export async function addNote(db: Db, who: Principal, input: { customerId: string; body: string }, now: Date) {
  return db.transaction(async (tx) => {
    await managedCustomer(tx, who, input.customerId);
    const [row] = await tx.insert(customerNotes).values({ orgId: who.orgId, customerId: input.customerId, authorUserId: who.userId, body: input.body, createdAt: now }).returning({ id: customerNotes.id });
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.note.add', entityType: 'customer', entityId: input.customerId, before: null, after: { noteId: row!.id, chars: input.body.length } });
    return row!;
  });
}
