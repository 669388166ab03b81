import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import type { ContactInput, ContactUpdate, NoteUpdate } from '@/lib/validation/crm';
import type { Db } from '../../client';
import { customerContacts, customerNotes, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { managedCustomer } from './managed';
import { isCrmAdmin } from './scope';
import type { Tx } from './tx';

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
    .select({ id: customerNotes.id, body: customerNotes.body, authorUserId: customerNotes.authorUserId, createdAt: customerNotes.createdAt, authorName: users.name, total: windowTotal() })
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

/** The contact, locked, if its customer is one the principal manages; else NOT_FOUND (as for an id that does not exist). */
async function managedContact(tx: Tx, who: Principal, id: string) {
  const [row] = await tx.select().from(customerContacts).where(and(eq(customerContacts.orgId, who.orgId), eq(customerContacts.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  await managedCustomer(tx, who, row.customerId);
  return row;
}

const contactAudit = (c: { name: string; title: string | null; email: string | null; phone: string | null; isPrimary: boolean }) => ({ name: c.name, title: c.title, email: c.email, phone: c.phone, isPrimary: c.isPrimary });

/** Edits a contact in place; made primary, it takes the mark from the previous primary in the same transaction. */
export async function updateContact(db: Db, who: Principal, input: ContactUpdate) {
  return db.transaction(async (tx) => {
    const before = await managedContact(tx, who, input.id);
    if (input.isPrimary) await tx.update(customerContacts).set({ isPrimary: false }).where(and(eq(customerContacts.customerId, before.customerId), eq(customerContacts.isPrimary, true), ne(customerContacts.id, before.id)));
    const [after] = await tx.update(customerContacts).set({ name: input.name, title: input.title, email: input.email, phone: input.phone, isPrimary: input.isPrimary }).where(eq(customerContacts.id, before.id)).returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.contact.update', entityType: 'customer', entityId: before.customerId, before: { contactId: before.id, ...contactAudit(before) }, after: { contactId: before.id, ...contactAudit(after!) } });
    return after!;
  });
}

export async function deleteContact(db: Db, who: Principal, id: string) {
  return db.transaction(async (tx) => {
    const before = await managedContact(tx, who, id);
    await tx.delete(customerContacts).where(eq(customerContacts.id, before.id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.contact.delete', entityType: 'customer', entityId: before.customerId, before: { contactId: before.id, ...contactAudit(before) }, after: null });
    return { id: before.id, customerId: before.customerId };
  });
}

/**
 * A note, locked, that the principal may change: its customer is managed by the principal, and the
 * principal wrote it or is an owner/admin — a colleague's note is not silently rewritten (FORBIDDEN).
 */
async function editableNote(tx: Tx, who: Principal, id: string) {
  const [row] = await tx.select().from(customerNotes).where(and(eq(customerNotes.orgId, who.orgId), eq(customerNotes.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  await managedCustomer(tx, who, row.customerId);
  if (!isCrmAdmin(who) && row.authorUserId !== who.userId) throw new AppError('FORBIDDEN');
  return row;
}

export async function updateNote(db: Db, who: Principal, input: NoteUpdate) {
  return db.transaction(async (tx) => {
    const before = await editableNote(tx, who, input.id);
    await tx.update(customerNotes).set({ body: input.body }).where(eq(customerNotes.id, before.id));
    // Lengths, not the text: a note may hold what an audit reader should not see.
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.note.update', entityType: 'customer', entityId: before.customerId, before: { noteId: before.id, chars: before.body.length }, after: { noteId: before.id, chars: input.body.length } });
    return { id: before.id, customerId: before.customerId };
  });
}

export async function deleteNote(db: Db, who: Principal, id: string) {
  return db.transaction(async (tx) => {
    const before = await editableNote(tx, who, id);
    await tx.delete(customerNotes).where(eq(customerNotes.id, before.id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.note.delete', entityType: 'customer', entityId: before.customerId, before: { noteId: before.id, chars: before.body.length }, after: null });
    return { id: before.id, customerId: before.customerId };
  });
}
