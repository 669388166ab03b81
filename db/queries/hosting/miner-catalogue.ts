import { asc } from 'drizzle-orm';
import type { Db } from '../../client';
import { minerModels } from '../../schema';

/** The shared ASIC catalogue (not tenant data): nominal figures for the calculator. */
export async function listModelSpecs(db: Db) {
  const rows = await db
    .select({ id: minerModels.id, vendor: minerModels.vendor, name: minerModels.name, hashrateThs: minerModels.hashrateThs, powerW: minerModels.powerW })
    .from(minerModels)
    .orderBy(asc(minerModels.vendor), asc(minerModels.name));
  return rows.map((r) => ({ ...r, hashrateThs: Number(r.hashrateThs) }));
}
