/*
 * Metered against measured energy for a period of a site, over the hours its site meters covered
 * (an hour without a complete meter reading compares nothing). Integers in Wh:
 *   overhead = meter − miners          (cooling, distribution losses, whatever the miners do not report)
 *   PUE      = meter ÷ miners          (1.000 when every metered Wh reached a miner)
 * and, over the metered hours that PDU meters also covered, the overhead split at the PDUs:
 *   cooling  = meter − PDU             (what never reached a PDU: cooling, lighting, transformers)
 *   losses   = PDU − miners            (cabling, PSU and what miner telemetry misses)
 * A PUE needs miners' energy: with none it is null, never infinite.
 */

export type ReconcileSums = {
  /** Σ site meter Wh over the metered hours. */
  meterWh: number;
  /** Σ miners' Wh over the same hours. */
  minersWh: number;
  /** Over the metered hours PDU meters also covered: Σ PDU Wh, and the site meter's and miners' Wh in them; null without such hours. */
  pdu: { pduWh: number; meterWh: number; minersWh: number } | null;
};

export type ReconcileFigures = { overheadWh: number; pue: number | null; coolingWh: number | null; lossesWh: number | null };

/** PUE to three decimals, half up. */
export function pueOf(meterWh: number, minersWh: number): number | null {
  if (minersWh <= 0) return null;
  return Math.round((meterWh * 1000) / minersWh) / 1000;
}

export function reconcile(s: ReconcileSums): ReconcileFigures {
  return {
    overheadWh: s.meterWh - s.minersWh,
    pue: pueOf(s.meterWh, s.minersWh),
    coolingWh: s.pdu ? s.pdu.meterWh - s.pdu.pduWh : null,
    lossesWh: s.pdu ? s.pdu.pduWh - s.pdu.minersWh : null,
  };
}
