import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { minerModels } from '../schema';
import { MINER_MODEL_CATALOGUE } from './miner-models';

export async function ensureMinerModels(db: Db): Promise<void> {
  await db
    .insert(minerModels)
    .values(MINER_MODEL_CATALOGUE.map((m) => ({ ...m, hashrateThs: String(m.hashrateThs) })))
    .onConflictDoUpdate({
      target: minerModels.name,
      set: { vendor: sql`excluded.vendor`, hashrateThs: sql`excluded.hashrate_ths`, powerW: sql`excluded.power_w`, cooling: sql`excluded.cooling` },
    });
}
