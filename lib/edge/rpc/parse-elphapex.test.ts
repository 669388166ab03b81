import { describe, expect, it } from 'vitest';
import pools from '@/tests/fixtures/miners/elphapex/pools.json';
import stats from '@/tests/fixtures/miners/elphapex/stats.json';
import summary from '@/tests/fixtures/miners/elphapex/summary.json';
import systemInfo from '@/tests/fixtures/miners/elphapex/get_system_info.json';
import { isElphapexInfo, parseElphapex } from './parse-elphapex';

describe('parseElphapex (web CGIs; constructed fixtures, see NOTICE)', () => {
  it('reads identity, rates in TH/s from MH/s, milli-degree chip temperatures, fans, shares, pools', () => {
    const f = parseElphapex({ systemInfo, summary, stats, pools });
    expect(f).toMatchObject({
      vendor: 'elphapex',
      model: 'DG1+',
      firmware: 'DG1+_V1.0.3',
      macAddress: 'E0:A5:09:41:7C:2E',
      tempChipMaxC: 75.75,
      tempBoardMaxC: 58,
      fansRpm: [5880, 5910, 5820, 5850],
      uptimeS: 93412,
      accepted: 48211,
      rejected: 37,
      hardwareErrors: 212,
    });
    // The average is the rate of record, not the 5-second sample.
    expect(f.hashrateAvgThs).toBeCloseTo(0.0139874, 9);
    expect(f.hashrate5sThs).toBeCloseTo(0.01412855, 9);
    expect(f.hashrateNominalThs).toBeCloseTo(0.014, 9);
    expect(f.pools).toEqual([
      { url: 'stratum+tcp://ltc.example-pool.invalid:3333', user: 'farm.dg1p01', status: 'Alive', accepted: 48211, rejected: 37 },
      { url: 'stratum+tcp://ltc-backup.example-pool.invalid:443', user: 'farm.dg1p01', status: 'Alive', accepted: 0, rejected: 0 },
    ]);
  });

  it('tolerates key case, GH/s units, the 30-minute window alone and missing sections', () => {
    const f = parseElphapex({ summary: { SUMMARY: [{ RATE_30M: '14.1', Rate_Unit: 'GH/s' }] }, stats: { STATS: [{ chain: [{ temp_chip: [68, 0] }] }] } });
    expect(f.hashrateAvgThs).toBeCloseTo(0.0141, 9);
    expect(f.tempChipMaxC).toBe(68);
    expect(f.model ?? null).toBeNull();
    expect(parseElphapex({})).toMatchObject({ hashrateAvgThs: null, pools: [], fansRpm: [] });
  });

  it('knows an Elphapex system info from another web API', () => {
    expect(isElphapexInfo(systemInfo)).toBe(true);
    expect(isElphapexInfo({ minertype: 'Antminer S19 Pro', system_filesystem_version: 'Thu Jun 1 2023' })).toBe(false);
    expect(isElphapexInfo('DG1+')).toBe(false);
  });
});
