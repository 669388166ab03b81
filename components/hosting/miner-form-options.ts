import type { Db } from '@/db/client';
import { listAssignableCustomers, listMinerModels } from '@/db/queries/hosting/miners';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import type { Actor } from '@/lib/auth/actor';

/** The choices a miner form offers the actor: only its sites; every model; the customers it may assign. */
export async function minerFormOptions(db: Db, actor: Actor) {
  const [sites, models, customers] = await Promise.all([listSiteOptions(db, actor.scope), listMinerModels(db, actor.scope), listAssignableCustomers(db, actor.scope)]);
  return { sites, models: models.map((m) => ({ id: m.id, name: m.name })), customers };
}
