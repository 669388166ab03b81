import { evaluateProfitabilityAlerts } from './functions/alerts/evaluate-profitability-alerts';
import { storeNetworkSnapshot } from './functions/market/store-network-snapshot';
import { poolTier1 } from './functions/pool/tier1-dashboard';
import { poolTier2 } from './functions/pool/tier2-workers';
import { poolTier3 } from './functions/pool/tier3-financial';
import { poolTier4 } from './functions/pool/tier4-retention';
import { purgeRateLimits } from './functions/system/purge-rate-limits';
import { telemetryDaily } from './functions/telemetry/daily';
import { evaluateEdgeAlerts } from './functions/telemetry/evaluate-alerts';
import { telemetryRollup5min } from './functions/telemetry/rollup-5min';

/** Every durable function served at /api/inngest. */
export const functions = [purgeRateLimits, storeNetworkSnapshot, evaluateProfitabilityAlerts, telemetryRollup5min, telemetryDaily, evaluateEdgeAlerts, poolTier1, poolTier2, poolTier3, poolTier4];
