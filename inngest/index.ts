import { evaluateProfitabilityAlerts } from './functions/alerts/evaluate-profitability-alerts';
import { storeNetworkSnapshot } from './functions/market/store-network-snapshot';
import { purgeRateLimits } from './functions/system/purge-rate-limits';
import { telemetryDaily } from './functions/telemetry/daily';
import { telemetryRollup5min } from './functions/telemetry/rollup-5min';

/** Every durable function served at /api/inngest. */
export const functions = [purgeRateLimits, storeNetworkSnapshot, evaluateProfitabilityAlerts, telemetryRollup5min, telemetryDaily];
