import { purgeRateLimits } from './functions/system/purge-rate-limits';

/** Every durable function served at /api/inngest. */
export const functions = [purgeRateLimits];
