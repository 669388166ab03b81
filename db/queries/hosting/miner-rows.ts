import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { assignableCustomerScope, siteScope } from '../scope';
import type { Scope } from '@/lib/core/scope';
import type { ParsedMinerRow } from '@/lib/validation/hosting';

/** A row ready to insert or update: names resolved to ids inside the caller's scope. */
export type ResolvedMinerRow = {
  siteId: string;
  modelId: number;
  customerId: string | null;
  name: string;
  serial: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  workerName: string | null;
  status: 'active' | 'offline' | 'maintenance' | 'sold';
};
/** `row` is 1-based, as a person counts data rows in a spreadsheet. `code` is a Validation key or `taken` / `duplicate`. */
export type RowError = { row: number; field: string; code: string };

/** Which unique field a clash is on, named as the API and forms name it. */
export const UNIQUE_FIELDS = [
  { field: 'serial', column: 'serial', index: 'miners_site_serial_uq' },
  { field: 'mac', column: 'macAddress', index: 'miners_site_mac_uq' },
  { field: 'ip', column: 'ipAddress', index: 'miners_site_ip_uq' },
] as const;

const key = (s: string) => s.trim().toLowerCase();

async function lookups(db: Db, scope: Scope) {
  const [siteRows, modelRows, customerRows] = await Promise.all([
    db.select({ id: sites.id, name: sites.name }).from(sites).where(siteScope(scope)),
    db.select({ id: minerModels.id, name: minerModels.name }).from(minerModels),
    db.select({ id: customers.id, name: customers.name, email: customers.email }).from(customers).where(assignableCustomerScope(scope)),
  ]);
  return {
    siteById: new Set(siteRows.map((s) => s.id)),
    siteByName: new Map(siteRows.map((s) => [key(s.name), s.id])),
    modelById: new Set(modelRows.map((m) => m.id)),
    modelByName: new Map(modelRows.map((m) => [key(m.name), m.id])),
    customerById: new Set(customerRows.map((c) => c.id)),
    customerByName: new Map(customerRows.flatMap((c) => [[key(c.name), c.id] as const, ...(c.email ? [[key(c.email), c.id] as const] : [])])),
  };
}

function resolveOne(r: ParsedMinerRow, l: Awaited<ReturnType<typeof lookups>>, push: (field: string, code: string) => void): ResolvedMinerRow | null {
  const siteId = r.siteId ? (l.siteById.has(r.siteId) ? r.siteId : null) : (l.siteByName.get(key(r.site!)) ?? null);
  if (!siteId) push('site', 'invalid');
  const modelId = r.modelId ? (l.modelById.has(r.modelId) ? r.modelId : null) : (l.modelByName.get(key(r.model!)) ?? null);
  if (!modelId) push('model', 'invalid');
  let customerId: string | null = null;
  if (r.customerId) customerId = l.customerById.has(r.customerId) ? r.customerId : (push('customer', 'invalid'), null);
  else if (r.customer) customerId = l.customerByName.get(key(r.customer)) ?? (push('customer', 'invalid'), null);
  if (!siteId || !modelId) return null;
  return { siteId, modelId, customerId, name: r.name, serial: r.serial ?? null, ipAddress: r.ip ?? null, macAddress: r.mac ?? null, workerName: r.worker ?? null, status: r.status ?? 'active' };
}

/**
 * Resolves rows already parsed by minerRowSchema (`row` is the 1-based row they came from; `errors`
 * are the parse errors of the others) against the caller's scope and the unique keys: within the
 * batch and against miners already stored. Every problem is reported with its row; nothing is written here.
 */
export async function resolveParsedMinerRows(db: Db, scope: Scope, parsed: { row: number; value: ParsedMinerRow }[], parseErrors: RowError[], opts: { excludeMinerId?: string } = {}) {
  const l = await lookups(db, scope);
  const errors: RowError[] = [...parseErrors];
  const resolved: { row: number; value: ResolvedMinerRow }[] = [];
  const seen = new Map<string, number>();
  for (const { row, value: input } of parsed) {
    const push = (field: string, code: string) => errors.push({ row, field, code });
    const value = resolveOne(input, l, push);
    if (!value) continue;
    let clash = false;
    for (const u of UNIQUE_FIELDS) {
      const v = value[u.column];
      if (!v) continue;
      const k = `${value.siteId}|${u.field}|${v}`;
      if (seen.has(k)) {
        push(u.field, 'duplicate');
        clash = true;
      } else seen.set(k, row);
    }
    if (!clash && !errors.some((e) => e.row === row)) resolved.push({ row, value });
  }
  errors.push(...(await storedClashes(db, scope.orgId, resolved, opts.excludeMinerId)));
  const bad = new Set(errors.map((e) => e.row));
  return { valid: resolved.filter((r) => !bad.has(r.row)), errors: errors.sort((a, b) => a.row - b.row) };
}

/** Rows whose serial, MAC or IP is already used by another miner at the same site, in chunks to bound the parameter count. */
async function storedClashes(db: Db, orgId: string, rows: { row: number; value: ResolvedMinerRow }[], excludeMinerId?: string): Promise<RowError[]> {
  const out: RowError[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const serials = chunk.flatMap((r) => (r.value.serial ? [r.value.serial] : []));
    // MACs compare in lower case: forms store them upper-case, machines the collector discovered lower-case.
    const macs = chunk.flatMap((r) => (r.value.macAddress ? [r.value.macAddress.toLowerCase()] : []));
    const ips = chunk.flatMap((r) => (r.value.ipAddress ? [r.value.ipAddress] : []));
    if (!serials.length && !macs.length && !ips.length) continue;
    const existing = await db
      .select({ siteId: miners.siteId, serial: miners.serial, mac: sql<string | null>`lower(${miners.macAddress})`, ip: sql<string | null>`host(${miners.ipAddress})` })
      .from(miners)
      .where(
        and(
          eq(miners.orgId, orgId),
          inArray(miners.siteId, [...new Set(chunk.map((r) => r.value.siteId))]),
          excludeMinerId ? ne(miners.id, excludeMinerId) : undefined,
          or(
            serials.length ? inArray(miners.serial, serials) : undefined,
            macs.length ? and(sql`${miners.macAddress} is not null`, inArray(sql`lower(${miners.macAddress})`, macs)) : undefined,
            ips.length ? sql`${miners.ipAddress} in (${sql.join(ips.map((ip) => sql`${ip}::inet`), sql`, `)})` : undefined,
          ),
        ),
      );
    const taken = new Set(existing.flatMap((e) => [`${e.siteId}|serial|${e.serial}`, `${e.siteId}|mac|${e.mac}`, `${e.siteId}|ip|${e.ip}`]));
    for (const { row, value } of chunk) {
      if (value.serial && taken.has(`${value.siteId}|serial|${value.serial}`)) out.push({ row, field: 'serial', code: 'taken' });
      if (value.macAddress && taken.has(`${value.siteId}|mac|${value.macAddress.toLowerCase()}`)) out.push({ row, field: 'mac', code: 'taken' });
      if (value.ipAddress && taken.has(`${value.siteId}|ip|${value.ipAddress}`)) out.push({ row, field: 'ip', code: 'taken' });
    }
  }
  return out;
}
