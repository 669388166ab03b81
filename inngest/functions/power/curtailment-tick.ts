import type { Db } from '@/db/client';
import {
  eventMinerReadings,
  measuredShed,
  type OpenEvent,
  openCurtailmentEvents,
  openRecoveryTickets,
  queueCurtailmentWave,
  recordRecoveries,
  updateCurtailmentEvent,
} from '@/db/queries/power/curtailment-events';
import { FRESH_READING_MS } from '@/db/queries/power/curtailment-fleet';
import { type DueWindow, dueCurtailmentWindows, recordWindowStartError } from '@/db/queries/power/curtailment-windows';
import { curtailmentPriceSlots } from '@/db/queries/power/curtailment-prices';
import { DEFAULT_TIMING, dueSteps, hasRecovered, type RunStep, verifyReduction } from '@/lib/domain/power/curtailment/execution';
import { curtailmentSavings } from '@/lib/domain/power/curtailment/savings';
import { pgErrorCode } from '@/db/errors';
import { startCurtailment } from '@/lib/power/start-curtailment';
import type { JobsClient } from '../../client';

/**
 * Every minute: starts each scheduled or peak-warning window whose time has come (its curtailment
 * ends with the window), then advances each open curtailment (lib/domain/power/curtailment/execution.ts) — the next
 * wave of sleep/power-target commands, the verification of the reduction from telemetry, the staggered
 * recovery, the recovery check with a ticket per miner that did not come back, and the savings priced
 * hour by hour. A cron rather than step.sleep, so the embedded scheduler runs it as Inngest does.
 * Each action is its own step, and each is idempotent (a wave is queued once; a window's curtailment
 * carries its id under a unique key, so it starts once), so a re-run is safe.
 */
export const curtailmentTick = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-curtailment-tick', triggers: [{ cron: '* * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock, curtailmentTiming }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const windows = await step.run('due-windows', () => dueCurtailmentWindows(db, now));
    const started: Record<string, unknown> = {};
    for (const w of windows) started[w.id] = await step.run(`window-${w.id}`, () => startWindow(db, w, now));
    const events = await step.run('open-events', () => openCurtailmentEvents(db));
    const done: Record<string, string[]> = {};
    for (const raw of events) {
      const e = revive(raw);
      const steps = dueSteps(e, now, curtailmentTiming ?? DEFAULT_TIMING);
      for (const s of steps) await step.run(`${e.id}-${s.kind}${'wave' in s ? `-${s.wave}` : ''}`, () => apply(db, e, s, now));
      if (steps.length) done[e.id] = steps.map((s) => s.kind);
    }
    return { at: now.toISOString(), windows: started, open: events.length, done };
  });

/**
 * Starts a window's curtailment, ending at the window's end. A start that fails (no fresh reading, the
 * hashprice Optimal needs) is recorded on the window and tried again next minute while it lasts.
 */
async function startWindow(db: Db, w: DueWindow, now: Date) {
  const scope = { orgId: w.orgId, sites: 'all' as const, customers: 'all' as const };
  try {
    const r = await startCurtailment(
      db,
      scope,
      w.createdBy,
      { siteId: w.siteId, strategy: w.strategy as 'performance', targetKind: w.targetKind, targetKw: w.targetKw, perMinute: w.perMinute, emergency: false },
      now,
      { trigger: w.kind, endsAt: new Date(w.endsAt), windowId: w.id },
    );
    await recordWindowStartError(db, w.id, null);
    return { eventId: r.id, miners: r.miners };
  } catch (e) {
    // Another run got there first: the window has its curtailment.
    if (pgErrorCode(e) === '23505') return { alreadyStarted: true };
    const error = e instanceof Error ? e.message : String(e);
    await recordWindowStartError(db, w.id, error);
    return { error };
  }
}

/** Step output comes back as JSON: dates as strings. */
function revive(e: OpenEvent): OpenEvent {
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { ...e, createdAt: new Date(e.createdAt), allSentAt: d(e.allSentAt), verifiedAt: d(e.verifiedAt), endsAt: d(e.endsAt), stopRequestedAt: d(e.stopRequestedAt), recoveryStartedAt: d(e.recoveryStartedAt), recoverySentAt: d(e.recoverySentAt) };
}

async function apply(db: Db, e: OpenEvent, s: RunStep, now: Date) {
  switch (s.kind) {
    case 'send_wave': {
      const queued = await queueCurtailmentWave(db, e.id, s.wave, 'curtail', now);
      await updateCurtailmentEvent(db, e.id, { wavesSent: s.wave + 1 });
      return { queued };
    }
    case 'all_sent':
      await updateCurtailmentEvent(db, e.id, { status: 'holding', allSentAt: now });
      return {};
    case 'verify': {
      const readings = await eventMinerReadings(db, e.id, now, FRESH_READING_MS);
      const report = verifyReduction(e, readings.map((r) => ({ prePowerW: r.prePowerW, targetW: r.powerTargetW ?? 0, nowW: r.nowW })));
      await updateCurtailmentEvent(db, e.id, { verifiedAt: now, achievedShedW: report.achievedShedW, verification: report });
      return report;
    }
    case 'start_recovery':
      await updateCurtailmentEvent(db, e.id, { status: 'recovering', recoveryStartedAt: now, allSentAt: e.allSentAt ?? now });
      return {};
    case 'send_recovery_wave': {
      const queued = await queueCurtailmentWave(db, e.id, s.wave, 'restore', now);
      await updateCurtailmentEvent(db, e.id, { recoveryWavesSent: s.wave + 1 });
      return { queued };
    }
    case 'recovery_sent':
      await updateCurtailmentEvent(db, e.id, { recoverySentAt: now });
      return {};
    case 'check_recovery':
      return checkRecovery(db, e, now);
  }
}

async function checkRecovery(db: Db, e: OpenEvent, now: Date) {
  const readings = await eventMinerReadings(db, e.id, now, FRESH_READING_MS);
  const failed = readings.filter((r) => !hasRecovered(r.preHashrateThs, r.nowThs));
  const ticketOf = await openRecoveryTickets(db, e, failed.map((r) => ({ minerId: r.minerId, siteId: r.siteId, customerId: r.customerId, name: r.name, preThs: r.preHashrateThs, nowThs: r.nowThs })), now);
  await recordRecoveries(db, e.id, readings.map((r) => ({ minerId: r.minerId, recovered: hasRecovered(r.preHashrateThs, r.nowThs), hashrateThs: r.nowThs, ticketId: ticketOf.get(r.minerId) ?? null })));
  // Priced from what telemetry measured: each five-minute bucket from the first command to the last wake.
  const to = e.recoverySentAt ?? now;
  const buckets = await measuredShed(db, e.id, e.createdAt, to);
  const intervals = buckets.map((b) => ({ from: new Date(b.bucket), to: new Date(new Date(b.bucket).getTime() + 300_000), shedW: b.shedW, shedThs: b.shedThs }));
  const prices = intervals.length ? await curtailmentPriceSlots(db, e.siteId, intervals[0]!.from, intervals.at(-1)!.to) : [];
  const savings = curtailmentSavings(intervals, prices, 0);
  await updateCurtailmentEvent(db, e.id, {
    status: 'completed',
    completedAt: now,
    recovered: readings.length - failed.length,
    notRecovered: failed.length,
    energyAvoidedWh: savings.energyAvoidedWh,
    costAvoidedCents: savings.costAvoidedCents,
    revenueForgoneCents: savings.revenueForgoneCents,
    netSavingCents: savings.netSavingCents,
    savings: { hours: savings.hours, missingHours: savings.missingHours },
  });
  return { recovered: readings.length - failed.length, notRecovered: failed.length, netSavingCents: savings.netSavingCents };
}
