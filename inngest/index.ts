import { createInngest, type JobsOptions } from './client';
import type { JobDeps } from './deps';
import { adminAccessExpiry } from './functions/admin/access-expiry';
import { escalateAlerts } from './functions/alerts/escalate-alerts';
import { crmSyncHosting } from './functions/crm/sync-hosting';
import { crmTaskReminders } from './functions/crm/task-reminders';
import { evaluateProfitabilityAlerts } from './functions/alerts/evaluate-profitability-alerts';
import { billingInvoiceReminders } from './functions/billing/invoice-reminders';
import { billingMonthlyInvoices } from './functions/billing/monthly-invoices';
import { forecastDaily } from './functions/forecast/daily';
import { refreshMarketIntel } from './functions/market/refresh-market-intel';
import { storeNetworkSnapshot } from './functions/market/store-network-snapshot';
import { poolTier1 } from './functions/pool/tier1-dashboard';
import { poolTier2 } from './functions/pool/tier2-workers';
import { poolTier3 } from './functions/pool/tier3-financial';
import { poolTier4 } from './functions/pool/tier4-retention';
import { powerAlertsJob } from './functions/power/alerts';
import { powerDaily } from './functions/power/daily';
import { powerHourly } from './functions/power/hourly';
import { powerMonthly } from './functions/power/monthly';
import { curtailmentTick } from './functions/power/curtailment-tick';
import { strikeEvaluate } from './functions/power/strike-evaluate';
import { thermalControl } from './functions/power/thermal-control';
import { reportsGenerate } from './functions/reports/generate';
import { reportsMonthlyDelivery } from './functions/reports/monthly-delivery';
import { treasuryRunwayAlert } from './functions/treasury/runway-alert';
import { purgeRateLimits } from './functions/system/purge-rate-limits';
import { systemHealthCheck } from './functions/system/health-check';
import { type JobSchedule, schedulesOf } from './triggers';
import { telemetryDaily } from './functions/telemetry/daily';
import { detectTelemetryAnomalies } from './functions/telemetry/anomalies';
import { evaluateEdgeAlerts } from './functions/telemetry/evaluate-alerts';
import { telemetryRollup5min } from './functions/telemetry/rollup-5min';

/**
 * Every durable function, on a client that hands each of them `deps`: the app serves the set built
 * on its own dependencies at /api/inngest; a test builds one on its database and fakes.
 */
export function createJobs(deps: JobDeps, options: JobsOptions = {}) {
  const inngest = createInngest(deps, options);
  // The health check reads the function list when it runs; filled in once the list exists.
  let schedules: JobSchedule[] = [];
  const jobs = {
    purgeRateLimits: purgeRateLimits(inngest),
    storeNetworkSnapshot: storeNetworkSnapshot(inngest),
    refreshMarketIntel: refreshMarketIntel(inngest),
    forecastDaily: forecastDaily(inngest),
    evaluateProfitabilityAlerts: evaluateProfitabilityAlerts(inngest),
    telemetryRollup5min: telemetryRollup5min(inngest),
    telemetryDaily: telemetryDaily(inngest),
    evaluateEdgeAlerts: evaluateEdgeAlerts(inngest),
    detectTelemetryAnomalies: detectTelemetryAnomalies(inngest),
    escalateAlerts: escalateAlerts(inngest),
    poolTier1: poolTier1(inngest),
    poolTier2: poolTier2(inngest),
    poolTier3: poolTier3(inngest),
    poolTier4: poolTier4(inngest),
    powerHourly: powerHourly(inngest),
    powerDaily: powerDaily(inngest),
    powerMonthly: powerMonthly(inngest),
    powerAlerts: powerAlertsJob(inngest),
    curtailmentTick: curtailmentTick(inngest),
    strikeEvaluate: strikeEvaluate(inngest),
    thermalControl: thermalControl(inngest),
    billingMonthlyInvoices: billingMonthlyInvoices(inngest),
    billingInvoiceReminders: billingInvoiceReminders(inngest),
    crmSyncHosting: crmSyncHosting(inngest),
    treasuryRunwayAlert: treasuryRunwayAlert(inngest),
    crmTaskReminders: crmTaskReminders(inngest),
    adminAccessExpiry: adminAccessExpiry(inngest),
    systemHealthCheck: systemHealthCheck(inngest, () => schedules),
    reportsGenerate: reportsGenerate(inngest),
    reportsMonthlyDelivery: reportsMonthlyDelivery(inngest),
  };
  schedules = schedulesOf(Object.values(jobs));
  return { inngest, jobs, functions: Object.values(jobs) };
}

export type Jobs = ReturnType<typeof createJobs>;
