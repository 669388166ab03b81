import { isHashing, type Operational } from './operational-state';

/*
 * A miner's hashrate and power, measured first: from telemetry while its reading is current, else
 * from its pool worker, else the nameplate (model × quantity) — each figure says which. The same rule
 * is computed in SQL by db/queries/telemetry/operational-state.ts (tests compare the two):
 *
 * hashrate  telemetry → the reading's average (0 while not hashing; a hashing reading without a
 *                       figure falls to the nameplate); pool → the worker's 1 h rate (0 when offline);
 *           none      → the nameplate while the miner counts as hashing, or is unknown but set active.
 * power     telemetry → the reading (none for an unreachable miner: its draw is not known); a
 *                       reachable miner without a power figure falls to the nameplate; otherwise the
 *                       nameplate while the miner counts as hashing (as above), else 0.
 */

export const FIGURE_SOURCES = ['telemetry', 'pool', 'nameplate'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export type MeasuredInput = {
  /** The administrative state people set (miners.status). */
  adminStatus: string;
  quantity: number;
  nameplateThs: number;
  nameplatePowerW: number;
  live: { online: boolean; hashrateThs: number | null; powerW: number | null } | null;
  poolThs: number | null;
};

export type Measured = { hashrateThs: number; hashrateSource: FigureSource; powerW: number | null; powerSource: FigureSource };

export function measuredFigures(op: Operational, m: MeasuredInput): Measured {
  const hashing = isHashing(op.state);
  const assumed = hashing || (op.state === 'unknown' && m.adminStatus === 'active');
  const nameplateThs = assumed ? m.nameplateThs * m.quantity : 0;
  const nameplateW = assumed ? m.nameplatePowerW * m.quantity : 0;
  if (op.source === 'telemetry' && m.live) {
    const hashrate: Pick<Measured, 'hashrateThs' | 'hashrateSource'> = !hashing
      ? { hashrateThs: 0, hashrateSource: 'telemetry' }
      : m.live.hashrateThs !== null
        ? { hashrateThs: m.live.hashrateThs, hashrateSource: 'telemetry' }
        : { hashrateThs: nameplateThs, hashrateSource: 'nameplate' };
    const power: Pick<Measured, 'powerW' | 'powerSource'> = !m.live.online
      ? { powerW: null, powerSource: 'telemetry' }
      : m.live.powerW !== null
        ? { powerW: m.live.powerW, powerSource: 'telemetry' }
        : { powerW: nameplateW, powerSource: 'nameplate' };
    return { ...hashrate, ...power };
  }
  if (op.source === 'pool') return { hashrateThs: hashing ? (m.poolThs ?? 0) : 0, hashrateSource: 'pool', powerW: nameplateW, powerSource: 'nameplate' };
  return { hashrateThs: nameplateThs, hashrateSource: 'nameplate', powerW: nameplateW, powerSource: 'nameplate' };
}
