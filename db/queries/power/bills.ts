import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type BillHour, type BillLine, computeBill } from '@/lib/domain/power/bill';
import { localMonthRange } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { customers, powerBills, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';
import { hostingFeesFor } from './hosting-fees';
import { siteTariffVersions } from './tariffs';

const billScope = (scope: Scope) => scopeWhere({ orgId: powerBills.orgId, siteId: powerBills.siteId, customerId: powerBills.customerId }, scope);

/** A customer's hours at a site in its local month, with the site's total beside each (for the demand share). */
async function billHours(db: Db, siteId: string, customerId: string, from: Date, to: Date): Promise<BillHour[]> {
  const rows = await queryRows<{ hour: string; wh_peak: number; wh_shoulder: number; wh_off_peak: number; wh_flat: number; site_wh: number }>(
    db,
    sql`select s.hour::text, coalesce(c.wh_peak, 0)::float8 as wh_peak, coalesce(c.wh_shoulder, 0)::float8 as wh_shoulder,
        coalesce(c.wh_off_peak, 0)::float8 as wh_off_peak, coalesce(c.wh_flat, 0)::float8 as wh_flat, s.energy_wh::float8 as site_wh
      from power_hourly s left join power_customer_hourly c on c.site_id = s.site_id and c.hour = s.hour and c.customer_id = ${customerId}
      where s.site_id = ${siteId} and s.hour >= ${from.toISOString()}::timestamptz and s.hour < ${to.toISOString()}::timestamptz
      order by s.hour`,
  );
  return rows.map((r) => ({ hour: new Date(r.hour), siteWh: r.site_wh, wh: { peak: r.wh_peak, shoulder: r.wh_shoulder, off_peak: r.wh_off_peak, flat: r.wh_flat } }));
}

/**
 * Computes a customer's bill for a local month ('YYYY-MM') at a site from the hourly rows, the
 * site's tariff versions and the customer's stored hosting fees there, and stores it as a draft
 * (replacing an earlier draft). An issued bill is returned as it is: it is never recomputed.
 */
export async function draftBill(db: Db, scope: Scope, o: { siteId: string; customerId: string; month: string }) {
  const [site] = await db.select({ id: sites.id, orgId: sites.orgId, timeZone: sites.timeZone }).from(sites).where(and(eq(sites.id, o.siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
  const [customer] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, o.customerId), scopeWhere({ orgId: customers.orgId, customerId: customers.id }, scope)));
  if (!site || !customer) throw new AppError('NOT_FOUND', 'No such site or customer');
  const monthDay = `${o.month}-01`;
  const [existing] = await db.select().from(powerBills).where(and(eq(powerBills.siteId, o.siteId), eq(powerBills.customerId, o.customerId), eq(powerBills.month, monthDay)));
  if (existing?.status === 'issued') return existing;
  const { from, to } = localMonthRange(o.month, site.timeZone);
  const bill = computeBill({
    party: 'customer',
    month: o.month,
    timeZone: site.timeZone,
    tariffs: await siteTariffVersions(db, o.siteId),
    hours: await billHours(db, o.siteId, o.customerId, from, to),
    hostingFees: await hostingFeesFor(db, o.siteId, o.customerId),
  });
  const values = { orgId: site.orgId, siteId: o.siteId, customerId: o.customerId, month: monthDay, status: 'draft', lines: bill.lines, energyWh: bill.energyWh, totalCents: bill.totalCents, updatedAt: new Date() };
  const [row] = await db
    .insert(powerBills)
    .values(values)
    .onConflictDoUpdate({ target: [powerBills.siteId, powerBills.customerId, powerBills.month], set: values, setWhere: sql`${powerBills.status} = 'draft'` })
    .returning();
  // A concurrent issue won the row: answer with the issued bill.
  return row ?? (await db.select().from(powerBills).where(and(eq(powerBills.siteId, o.siteId), eq(powerBills.customerId, o.customerId), eq(powerBills.month, monthDay))))[0]!;
}

export const billNumber = (month: string, seq: number) => `PB-${month.slice(0, 4)}${month.slice(5, 7)}-${String(seq).padStart(5, '0')}`;

/**
 * Issues a draft: the next number of the organization (gapless: numbers are drawn under a per-org
 * lock, in the transaction that issues), the issuer and the time; from then on the bill is read-only.
 */
export async function issueBill(db: Db, scope: Scope, billId: string, actorId: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    const [bill] = await tx.select().from(powerBills).where(and(eq(powerBills.id, billId), billScope(scope)));
    if (!bill) throw new AppError('NOT_FOUND', 'No such bill');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`power-bills:${bill.orgId}`}))`);
    const [fresh] = await tx.select().from(powerBills).where(eq(powerBills.id, billId)).for('update');
    if (fresh!.status === 'issued') throw new AppError('CONFLICT', `Bill ${fresh!.number} is already issued`);
    const [{ seq }] = (await queryRows<{ seq: number }>(tx, sql`select coalesce(max(seq), 0)::int + 1 as seq from power_bills where org_id = ${bill.orgId}`)) as [{ seq: number }];
    const [issued] = await tx
      .update(powerBills)
      .set({ status: 'issued', seq, number: billNumber(bill.month, seq), issuedAt: now, issuedBy: actorId, updatedAt: now })
      .where(eq(powerBills.id, billId))
      .returning();
    await recordAudit(tx, { orgId: bill.orgId, actorUserId: actorId, action: 'power.bill_issue', entityType: 'power_bill', entityId: billId, after: { number: issued!.number, totalCents: issued!.totalCents }, siteIds: [bill.siteId] });
    return issued!;
  });
}

export type PowerBillRow = typeof powerBills.$inferSelect & { lines: BillLine[] };

/** Bills in scope (a client: its own), newest month first; one page and the total count. */
export async function listBills(db: Db, scope: Scope, o: { month?: string; siteId?: string; customerId?: string; limit: number; offset: number }) {
  const where = and(
    billScope(scope),
    o.month ? eq(powerBills.month, `${o.month}-01`) : undefined,
    o.siteId ? eq(powerBills.siteId, o.siteId) : undefined,
    o.customerId ? eq(powerBills.customerId, o.customerId) : undefined,
  );
  const rows = await db
    .select({ bill: powerBills, siteName: sites.name, customerName: customers.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(powerBills)
    .innerJoin(sites, eq(sites.id, powerBills.siteId))
    .innerJoin(customers, eq(customers.id, powerBills.customerId))
    .where(where)
    .orderBy(desc(powerBills.month), asc(customers.name))
    .limit(o.limit)
    .offset(o.offset);
  return { total: rows[0]?.total ?? 0, bills: rows.map((r) => ({ ...(r.bill as PowerBillRow), siteName: r.siteName, customerName: r.customerName })) };
}

export async function getBill(db: Db, scope: Scope, billId: string) {
  const [row] = await db
    .select({ bill: powerBills, siteName: sites.name, timeZone: sites.timeZone, customerName: customers.name })
    .from(powerBills)
    .innerJoin(sites, eq(sites.id, powerBills.siteId))
    .innerJoin(customers, eq(customers.id, powerBills.customerId))
    .where(and(eq(powerBills.id, billId), billScope(scope)));
  if (!row) throw new AppError('NOT_FOUND', 'No such bill');
  return { ...(row.bill as PowerBillRow), siteName: row.siteName, timeZone: row.timeZone, customerName: row.customerName };
}
