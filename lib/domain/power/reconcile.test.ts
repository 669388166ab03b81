import { describe, expect, it } from 'vitest';
import { pueOf, reconcile } from './reconcile';

describe('reconcile', () => {
  it.each([
    // 1,300 kWh metered for 1,000 kWh at the miners: 300 kWh of overhead, PUE 1.3.
    { s: { meterWh: 1_300_000, minersWh: 1_000_000, pdu: null }, out: { overheadWh: 300_000, pue: 1.3, coolingWh: null, lossesWh: null } },
    // PDUs saw 1,040 kWh: 260 kWh never reached them (cooling), 40 kWh lost between PDU and miners.
    { s: { meterWh: 1_300_000, minersWh: 1_000_000, pdu: { pduWh: 1_040_000, meterWh: 1_300_000, minersWh: 1_000_000 } }, out: { overheadWh: 300_000, pue: 1.3, coolingWh: 260_000, lossesWh: 40_000 } },
    // 7 ÷ 6 = 1.1666… → 1.167 (half up at the third decimal).
    { s: { meterWh: 7_000, minersWh: 6_000, pdu: null }, out: { overheadWh: 1_000, pue: 1.167, coolingWh: null, lossesWh: null } },
    // The miners reported more than the meter: a negative overhead is shown, not hidden (a meter or telemetry fault).
    { s: { meterWh: 950, minersWh: 1_000, pdu: null }, out: { overheadWh: -50, pue: 0.95, coolingWh: null, lossesWh: null } },
    // No miners' energy: no PUE.
    { s: { meterWh: 500, minersWh: 0, pdu: null }, out: { overheadWh: 500, pue: null, coolingWh: null, lossesWh: null } },
  ])('$s.meterWh Wh metered, $s.minersWh Wh at the miners', ({ s, out }) => {
    expect(reconcile(s)).toEqual(out);
  });

  it('PUE rounds half up at the third decimal', () => {
    expect(pueOf(10_125, 10_000)).toBe(1.013); // 1.0125
    expect(pueOf(10_124, 10_000)).toBe(1.012);
  });
});
