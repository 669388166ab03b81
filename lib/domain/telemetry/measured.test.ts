import { describe, expect, it } from 'vitest';
import { type MeasuredInput, measuredFigures } from './measured';
import type { Operational } from './operational-state';

const op = (state: Operational['state'], source: Operational['source']): Operational => ({ state, source, lastSeenAt: null });
const base: MeasuredInput = { adminStatus: 'active', quantity: 2, nameplateThs: 200, nameplatePowerW: 3500, live: { online: true, hashrateThs: 190, powerW: 3400 }, poolThs: 180 };

describe('measuredFigures', () => {
  it.each<[string, Operational, Partial<MeasuredInput>, [number, string, number | null, string]]>([
    ['telemetry, hashing', op('online', 'telemetry'), {}, [190, 'telemetry', 3400, 'telemetry']],
    ['telemetry, overheating still hashes', op('overheating', 'telemetry'), {}, [190, 'telemetry', 3400, 'telemetry']],
    ['telemetry, asleep: 0 TH/s at its draw', op('sleeping', 'telemetry'), { live: { online: true, hashrateThs: 0, powerW: 12 } }, [0, 'telemetry', 12, 'telemetry']],
    ['telemetry, unreachable: 0 TH/s, draw unknown', op('offline', 'telemetry'), { live: { online: false, hashrateThs: null, powerW: null } }, [0, 'telemetry', null, 'telemetry']],
    ['telemetry without figures falls to the nameplate', op('online', 'telemetry'), { live: { online: true, hashrateThs: null, powerW: null } }, [400, 'nameplate', 7000, 'nameplate']],
    ['pool online: the worker rate, nameplate power', op('online', 'pool'), { live: null }, [180, 'pool', 7000, 'nameplate']],
    ['pool offline: nothing counted', op('offline', 'pool'), { live: null }, [0, 'pool', 0, 'nameplate']],
    ['unknown, set active: the nameplate', op('unknown', 'none'), { live: null }, [400, 'nameplate', 7000, 'nameplate']],
    ['unknown, in maintenance: nothing counted', op('unknown', 'none'), { live: null, adminStatus: 'maintenance' }, [0, 'nameplate', 0, 'nameplate']],
  ])('%s', (_name, o, p, [ths, hs, w, ws]) => {
    const r = measuredFigures(o, { ...base, ...p });
    expect([r.hashrateThs, r.hashrateSource, r.powerW, r.powerSource]).toEqual([ths, hs, w, ws]);
  });
});
