/*
 * What "miners" means on every page that counts them (KPI, sites, dashboard, portal, analytics):
 * the units in service — every administrative state except sold. A sold machine is no longer the
 * farm's (nor the client's) to run, so it is left out of counts, hashrate, power and revenue alike;
 * maintenance and typed-offline machines stay in, since they still occupy the farm and the measured
 * state says what they do. Each page shows the one label (messages: Fleet.minersInService with
 * Fleet.soldRule), and db/queries reads the rule through inServiceSql.
 */

/** Administrative states (miners.status) left out of every miner count. */
export const NOT_IN_SERVICE = ['sold'] as const;

/** Whether a unit with this administrative state counts as a miner in service. */
export function isInService(adminStatus: string): boolean {
  return !(NOT_IN_SERVICE as readonly string[]).includes(adminStatus);
}
