import { latestHostingNetwork } from '@/db/queries/crm/hosting-network';
import { syncCustomersFromHosting } from '@/db/queries/crm/hosting-sync';
import { syncOrganizations } from '@/db/queries/crm/sync-status';
import type { JobsClient } from '../../client';

/**
 * Daily at 04:10 UTC (seed 002: "run batch sync daily"): hosting → CRM fields of every customer of
 * every organization, each organization in its own step as the system (no user), at one network
 * snapshot. The clock is a step's result, so a retried run carries the same time and run key:
 * it rewrites nothing and logs no second run.
 */
export const crmSyncHosting = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'crm-sync-hosting', triggers: [{ cron: '10 4 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const network = await step.run('network', () => latestHostingNetwork(db));
    const orgs = await step.run('organizations', () => syncOrganizations(db));
    const totals = { total: 0, synced: 0, skipped: 0, errors: 0, changed: 0 };
    for (const orgId of orgs) {
      const run = await step.run(`sync-${orgId}`, async () => {
        const { outcomes: _outcomes, ...counts } = await syncCustomersFromHosting(db, { orgId, userId: null, scope: { orgId, sites: 'all', customers: 'all' } }, { kind: 'batch', trigger: 'schedule', runKey: `schedule:${now.toISOString()}`, network, now });
        return counts;
      });
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += run[k];
    }
    return { organizations: orgs.length, ...totals };
  });
