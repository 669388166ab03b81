import { measuredFigures, type MeasuredInput } from '@/lib/domain/telemetry/measured';
import type { Operational } from '@/lib/domain/telemetry/operational-state';

/*
 * Pool against miners, per customer, per site and for the fleet: the hashrate the linked miners
 * should have delivered (expected) against what the pool credited their workers with (credited).
 * Only miners in service with a linked worker whose newest pool hour is current (POOL_FRESH_MS)
 * are compared; db/queries/pool/pool-vs-miner.ts sums the same rule in SQL.
 *
 *   expected_i = the miner's telemetry hashrate while its live reading is current (measured.ts: the
 *                reading's average, 0 when not hashing, the nameplate for a hashing reading without
 *                a figure) — else the nameplate (model TH/s × quantity) for a miner set active, else 0.
 *                Never the pool's own figure: that is what it is held against.
 *   credited_i = the pool's 1 h hashrate of the miner's worker, newest hour.
 *   luck %     = (Σ credited / Σ expected − 1) × 100 — null when nothing is expected.
 *
 * Luck above 0 means the pool credited more than the machines should make (share luck over the
 * hour, or a miner under-reporting); well below 0 means rejects, a wrong link or a miner hashing
 * less than it claims (see deviation.ts for the per-worker warning threshold).
 */

export type ExpectedSource = 'telemetry' | 'nameplate';

export function expectedThs(op: Operational, m: MeasuredInput): { ths: number; source: ExpectedSource } {
  if (op.source === 'telemetry' && m.live) {
    const f = measuredFigures(op, m);
    return { ths: f.hashrateThs, source: f.hashrateSource === 'telemetry' ? 'telemetry' : 'nameplate' };
  }
  return { ths: m.adminStatus === 'active' ? m.nameplateThs * m.quantity : 0, source: 'nameplate' };
}

export function luckPct(creditedThs: number, expectedThs: number): number | null {
  if (!Number.isFinite(creditedThs) || !Number.isFinite(expectedThs) || expectedThs <= 0) return null;
  return (creditedThs / expectedThs - 1) * 100;
}
