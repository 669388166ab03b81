import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { Db } from '../../client';
import { miners, minerTelemetryLive, telemetryHistory5min } from '../../schema';
import { minerScope } from '../scope';

/** The latest reading of a miner in scope, or null when it has never reported (or is out of scope). */
export async function minerLive(db: Db, scope: Scope, minerId: string) {
  const [row] = await db
    .select({ live: minerTelemetryLive })
    .from(minerTelemetryLive)
    .innerJoin(miners, eq(miners.id, minerTelemetryLive.minerId))
    .where(and(eq(minerTelemetryLive.minerId, minerId), minerScope(scope)))
    .limit(1);
  return row?.live ?? null;
}

/**
 * A miner's history from the 5-minute layer since `from`, re-bucketed in SQL to `stepMinutes`
 * (5 for 24 h, 60 for 7 days) so a chart gets a few hundred points at most.
 */
export async function minerHistory(db: Db, scope: Scope, minerId: string, from: Date, stepMinutes: number) {
  const step = sql.raw(`'${Math.max(5, Math.round(stepMinutes))} minutes'`);
  const t = sql<Date>`date_bin(${step}::interval, ${telemetryHistory5min.bucket}, timestamptz '2000-01-01')`;
  const rows = await db
    .select({
      t,
      hashrateThs: sql<number | null>`avg(${telemetryHistory5min.hashrateAvgThs})`,
      tempChipC: sql<number | null>`max(${telemetryHistory5min.tempChipMaxC})`,
      powerW: sql<number | null>`avg(${telemetryHistory5min.powerAvgW})`,
      onlineRatio: sql<number>`avg(${telemetryHistory5min.onlineRatio})`,
    })
    .from(telemetryHistory5min)
    .innerJoin(miners, eq(miners.id, telemetryHistory5min.minerId))
    .where(and(eq(telemetryHistory5min.minerId, minerId), gte(telemetryHistory5min.bucket, from), minerScope(scope)))
    .groupBy(t)
    .orderBy(asc(t));
  return rows.map((r) => ({
    t: new Date(r.t),
    hashrateThs: r.hashrateThs === null ? null : Number(r.hashrateThs),
    tempChipC: r.tempChipC === null ? null : Number(r.tempChipC),
    powerW: r.powerW === null ? null : Number(r.powerW),
    onlineRatio: Number(r.onlineRatio),
  }));
}
