import type { Db } from '@/db/client';
import { listMinerCustomerOptions } from '@/db/queries/hosting/miners';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { listAssignees } from '@/db/queries/hosting/ticket-assignees';
import { isCustomerView } from '@/db/queries/hosting/ticket-scope';
import type { Actor } from '@/lib/auth/actor';
import type { NewTicketOptions } from './new-ticket-dialog';

/** What the new-ticket dialog offers this viewer; for a miner's page, only assignees who can work that miner. */
export async function loadNewTicketOptions(db: Db, actor: Actor, miner?: { id: string; name: string; siteId: string; customerId: string | null }): Promise<NewTicketOptions> {
  const customerView = isCustomerView(actor.scope);
  const [sites, customers, assignees] = await Promise.all([
    miner || customerView ? Promise.resolve([]) : listSiteOptions(db, actor.scope),
    miner ? Promise.resolve([]) : listMinerCustomerOptions(db, actor.scope),
    customerView ? Promise.resolve(null) : listAssignees(db, actor.orgId, miner ? { siteId: miner.siteId, customerId: miner.customerId } : undefined),
  ]);
  return {
    miner: miner ? { id: miner.id, name: miner.name } : undefined,
    sites,
    customers,
    assignees: assignees ? assignees.map((a) => ({ id: a.id, name: a.name })) : null,
    customerView,
  };
}
