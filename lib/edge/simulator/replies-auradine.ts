import fanFixture from '../../../tests/fixtures/miners/auradine/fan.json';
import ipreportFixture from '../../../tests/fixtures/miners/auradine/ipreport.json';
import psuFixture from '../../../tests/fixtures/miners/auradine/psu.json';
import summaryFixture from '../../../tests/fixtures/miners/auradine/summary.json';
import temperatureFixture from '../../../tests/fixtures/miners/auradine/temperature.json';
import versionFixture from '../../../tests/fixtures/miners/auradine/version.json';
import { avPools } from './replies-avalon';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * Auradine Teraflux GCMiner/FluxOS cgminer API (MH/s), shaped on the captured replies in
 * tests/fixtures/miners/auradine (asic-rs, Apache-2.0): `version` (GCMiner key), `summary`, `fan`
 * (Fan[].Speed RPM), `temperature` (a control board, then hash boards with BoardTemp[]/ChipTemp[]),
 * `psu` (values as text with units, "58.94W"), `ipreport` (model, MAC, serials). Values come from
 * the miner's state; only the envelopes and the keys are the fixtures'.
 */
const when = (now: number) => Math.floor(now / 1000);
const DESCRIPTION = 'GCMiner-2023-05.24-0ce5e7cc93a3815240fa189d0beb44b8c834936c';
function stamp(r: Reply, now: number): Reply {
  for (const s of r.STATUS as Record<string, unknown>[]) Object.assign(s, { When: when(now), Description: DESCRIPTION });
  return r;
}
const unit = (v: number, u: string) => `${v.toFixed(2)}${u}`;

export function auVersion(_m: SimMiner, now: number): Reply {
  const r = clone(versionFixture) as Reply;
  (r.STATUS as Record<string, unknown>[])[0]!.When = when(now);
  return r;
}

export function auSummary(m: SimMiner, now: number): Reply {
  const r = stamp(clone(summaryFixture) as Reply, now);
  const s = (r.SUMMARY as Record<string, unknown>[])[0]!;
  const sh = m.shares(now);
  const av = m.sleeping ? 0 : m.hashrateThs(0.005) * 1e6;
  Object.assign(s, { Elapsed: m.uptimeS(now), 'MHS av': r2(av), 'MHS 5s': r2(m.hashrateThs(0.1) * 1e6), 'MHS 1m': r2(m.hashrateThs() * 1e6), 'MHS 5m': r2(av), 'MHS 15m': r2(av), Accepted: sh.accepted, Rejected: sh.rejected, 'Hardware Errors': sh.hw });
  return r;
}

export function auFan(m: SimMiner, now: number): Reply {
  const r = stamp(clone(fanFixture) as Reply, now);
  for (const f of r.Fan as Record<string, unknown>[]) f.Speed = m.fanRpm();
  return r;
}

export function auTemperature(m: SimMiner, now: number): Reply {
  const r = stamp(clone(temperatureFixture) as Reply, now);
  for (const b of r.Temperature as { Name: string; BoardTemp: { Temperature: number }[]; ChipTemp: { Temperature: number }[] | null }[]) {
    if (/control/i.test(b.Name)) {
      b.BoardTemp.forEach((t) => (t.Temperature = 25 + Math.round(m.rng() * 40) / 8));
      continue;
    }
    const chip = m.chipTempC();
    b.BoardTemp.forEach((t, i) => (t.Temperature = i < 3 ? 22 + Math.round(m.rng() * 4) / 2 : chip - 4 - Math.round(m.rng() * 4) / 2));
    b.ChipTemp?.forEach((t) => (t.Temperature = chip - m.rng()));
  }
  return r;
}

export function auPsu(m: SimMiner, now: number): Reply {
  const r = stamp(clone(psuFixture) as Reply, now);
  const pin = m.powerW();
  const vin = 240 + m.rng() * 5;
  Object.assign((r.PSU as Record<string, unknown>[])[0]!, { Vin: unit(vin, 'V'), Iin: unit(pin / vin, 'A'), PowerIn: unit(pin, 'W'), PowerOut: unit(pin * 0.95, 'W'), Iout: unit((pin * 0.95) / 11.53, 'A'), PoutMax: unit(m.powerTargetW ?? m.model.powerW, 'W') });
  return r;
}

export function auIpreport(m: SimMiner, now: number): Reply {
  const r = clone(ipreportFixture) as Reply;
  (r.STATUS as Record<string, unknown>[])[0]!.When = when(now);
  Object.assign((r.IPReport as Record<string, unknown>[])[0]!, { SerialNo: m.serial, CBSerialNo: m.serial, mac: m.mac.toLowerCase(), model: m.model.name.replace(/^Auradine\s*/, ''), hostname: `teraflux-${m.serial.slice(-4).toLowerCase()}` });
  return r;
}

export const auPools = avPools;
