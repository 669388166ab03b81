import { boardsFromDevs } from './boards';
import { boundFields } from './bound-fields';
import { fillMissing, pickNum, rateByWindow } from './fields';
import { type MinerFields, parsePools, parseSummary } from './parse-common';
import { first, section } from './reply';

/** "Nominal MHS" / "Nominal GHS" / "Nominal THS" in TH/s. */
function nominalThs(d: Record<string, unknown>): number {
  for (const [unit, f] of [['MHS', 1e-6], ['GHS', 1e-3], ['THS', 1]] as const) {
    const v = pickNum(d, [`Nominal ${unit}`]);
    if (v !== null) return v * f;
  }
  return 0;
}

/**
 * Braiins OS (bosminer/BOSer cgminer API, MH/s): rates and shares from `summary`, the
 * factory rate as the sum of `devs` "Nominal MHS", power from `tunerstatus`
 * (ApproximateMinerPowerConsumption; PowerLimit is a limit, not a reading). Temperatures and
 * fans come from `temps`/`fans` (parseExtras). Braiins gives no MAC over this API.
 */
export function parseBraiins(replies: { summary?: unknown; devs?: unknown; pools?: unknown; tunerstatus?: unknown }): Partial<MinerFields> {
  const out: Partial<MinerFields> = { ...parseSummary(replies.summary), pools: parsePools(replies.pools), vendor: 'braiins' };
  const devs = section(replies.devs, 'DEVS');
  out.boards = boardsFromDevs(devs);
  const nominal = devs.reduce((acc, d) => acc + nominalThs(d), 0);
  if (nominal > 0) out.hashrateNominalThs = nominal;
  if (devs.length) {
    const sum = (w: string[]) => {
      const rates = devs.map((d) => rateByWindow(d, w));
      return rates.every((r) => r === null) ? null : rates.reduce<number>((a, r) => a + (r ?? 0), 0);
    };
    fillMissing(out, { hashrateAvgThs: sum(['av', '30m', '15m']), hashrate5sThs: sum(['5s', '1m']) });
  }
  const t = first(replies.tunerstatus, 'TUNERSTATUS');
  const watts = pickNum(t, ['ApproximateMinerPowerConsumption']);
  if (watts !== null && watts > 0) {
    out.powerW = watts;
    out.powerSource = 'reported';
  }
  return boundFields(out);
}
