import { queueThermalTargets, thermalCandidates } from '@/db/queries/power/thermal';
import { commandSupport } from '@/lib/domain/edge/command-support';
import { firmwareOfModelVendor } from '@/lib/domain/edge/firmware-family';
import { thermalLimitsFor, thermalStep } from '@/lib/domain/power/curtailment/thermal';
import type { JobsClient } from '../../client';

/** Per-model limits where a model runs hotter or cooler than the defaults (hydro and immersion). */
const MODEL_LIMITS: Record<string, { maxChipC: number; restoreBelowC: number }> = {};

/**
 * Every five minutes, on sites that opted in: steps the power target of each miner above its model's
 * chip limit down one step, and back up one step under the restore temperature (lib/domain/power/
 * curtailment/thermal.ts), through the edge command queue. Firmware that takes no power target is left
 * alone; miners in a curtailment are the curtailment's.
 */
export const thermalControl = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-thermal-control', triggers: [{ cron: '*/5 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    return step.run('step-targets', async () => {
      const candidates = await thermalCandidates(db, now);
      const targets = candidates.flatMap((c) => {
        if (commandSupport(firmwareOfModelVendor(c.vendor), 'SET_POWER_TARGET') === 'unsupported') return [];
        const d = thermalStep({ chipTempC: c.chipC, targetW: c.targetW, normalPowerW: c.normalW }, thermalLimitsFor(c.model, MODEL_LIMITS));
        if (d.action !== 'step_down' && d.action !== 'step_up') return [];
        return [{ minerId: c.minerId, orgId: c.orgId, siteId: c.siteId, watts: d.targetW ?? c.normalW, restore: d.targetW === null }];
      });
      return { candidates: candidates.length, queued: await queueThermalTargets(db, targets, now) };
    });
  });
