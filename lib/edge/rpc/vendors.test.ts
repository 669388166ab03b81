import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bracketFields, fieldsByAlias, normMac, rateByWindow } from './fields';
import { identifyFromVersion } from './identify';
import { parseMinerJson } from './json-repair';
import { numWithUnit, parseAuradine } from './parse-auradine';
import { parseAvalon } from './parse-avalon';
import { parseBmminer } from './parse-bmminer';
import { parseSealminer } from './parse-sealminer';
import { parseBraiins } from './parse-braiins';
import { parseBtminerV3, v3Readable } from './parse-btminer-v3';
import { parseExtras } from './parse-extras';
import { isV3Reply } from './client-v3';

const dir = path.resolve(import.meta.dirname, '../../../tests/fixtures/miners');
const load = (f: string) => parseMinerJson(readFileSync(path.join(dir, f), 'utf8'));

describe('alias table', () => {
  it('reads a rate whatever its unit, case and spelling; the average window is never the 5 s one', () => {
    expect(rateByWindow({ 'GHS 5s': 110000, 'ghs av': 111000 }, ['av'])).toBe(111);
    expect(rateByWindow({ MHS_30m: 2e8 }, ['av', '30m'])).toBe(200);
    expect(rateByWindow({ 'THS av': '0.5' }, ['av'])).toBe(0.5);
    expect(rateByWindow({ 'MHS 5s': 9e8 }, ['av', '30m'])).toBeNull();
  });
  it('parses Avalon bracket text, nested or flat, and MACs in any spelling', () => {
    expect(bracketFields('Ver[1246-83] Temp[31] PS[0 1 2] SYSTEMSTATU[Work: In Work, Hash Board: 3 ]')).toMatchObject({ Ver: '1246-83', Temp: '31', PS: '0 1 2' });
    expect(bracketFields('MM ID0:Summary[STATS[GHSmm[100] TMax[70]]]')).toMatchObject({ GHSmm: '100', TMax: '70' });
    expect(normMac('b4a2eb3f0a11')).toBe('B4:A2:EB:3F:0A:11');
    expect(normMac('50-d4-48-4b-86-78')).toBe('50:D4:48:4B:86:78');
    expect(normMac('not a mac')).toBeNull();
  });
  it('key case and separators do not matter', () => {
    expect(fieldsByAlias({ 'env temp': 25, 'psu input power': '3300', FAN1: 5000, fan2: 5100 })).toMatchObject({ tempInletC: 25, powerW: 3300, powerSource: 'reported', fansRpm: [5000, 5100] });
  });
});

describe('Antminer 2023+ (captured replies, asic-rs)', () => {
  it('S21 XP Hyd RPC stats: rate_unit GH, nominal 473 TH/s, chip/PCB temps, fans stopped on hydro', () => {
    const f = parseBmminer({ stats: load('antminer-2023/s21xp-hyd-rpc-stats.json') });
    expect(f.model).toBe('Antminer S21 XP Hyd.');
    expect(f.hashrateNominalThs).toBe(473);
    expect(f.hashrateAvgThs).toBeCloseTo(487.12933, 5);
    expect(f.hashrate5sThs).toBeCloseTo(483.97925, 5);
    expect(f.tempChipMaxC).toBe(63);
    expect(f.tempBoardMaxC).toBe(52);
    expect(f.fansRpm).toEqual([0, 0, 0, 0]);
    expect(f.uptimeS).toBe(602534);
  });
  it('S23 Hyd web stats with chain arrays: per-chain temperatures, power "watt", rate_avg not rate_5s', () => {
    const f = parseBmminer({ stats: load('antminer-2023/s23-hyd-web-stats.json'), summary: load('antminer-2023/s23-hyd-web-summary.json') });
    expect(f.model).toBe('Antminer S23 Hyd.');
    expect(f.hashrateNominalThs).toBeCloseTo(581.9727, 4);
    expect(f.hashrateAvgThs).toBeCloseTo(576.15267, 5);
    expect(f.hashrate5sThs).toBeCloseTo(572.84556, 5);
    expect(f.tempChipMaxC).toBe(56);
    expect(f.tempBoardMaxC).toBe(52);
    expect(f.powerW).toBe(5525);
    expect(f.powerSource).toBe('reported');
    expect(f.uptimeS).toBe(167431);
    expect(f.hardwareErrors).toBe(551);
  });
});

describe('Avalon (constructed from the documented MM ID format, see NOTICE)', () => {
  it('version identifies Avalon with model; a version without PROD still does (HWTYPE/DNA)', () => {
    expect(identifyFromVersion(load('avalon/a1246-version.json'))).toEqual({ vendor: 'avalon', model: 'AvalonMiner 1246', firmware: '24102401_25462b2_9ddf522' });
    expect(identifyFromVersion({ VERSION: [{ API: '3.7', DNA: '02010000cbd2fd6d', HWTYPE: 'MM4v2_X3', VERSION: '24102401' }] })?.vendor).toBe('avalon');
  });
  it('A1246 stats MM ID0: MAC from version, temps, 4 fans, PS power, GHSmm nominal; average from MHS av, the short window from MHS 1m', () => {
    const f = parseAvalon({ summary: load('avalon/a1246-summary.json'), version: load('avalon/a1246-version.json'), stats: load('avalon/a1246-stats.json') });
    expect(f).toMatchObject({
      vendor: 'avalon',
      macAddress: 'B4:A2:EB:3F:0A:11',
      tempInletC: 31,
      tempChipMaxC: 77,
      fansRpm: [3418, 3451, 3402, 3437],
      powerW: 3189,
      powerSource: 'reported',
      accepted: 1905,
      rejected: 3,
      hardwareErrors: 112,
      uptimeS: 24684,
    });
    expect(f.hashrateAvgThs).toBeCloseTo(81.23456789, 6);
    expect(f.hashrate5sThs).toBeCloseTo(83.00123456, 6);
    expect(f.hashrateNominalThs).toBeCloseTo(83.92304, 5);
  });
  it('A16 litestats (MM ID0:Summary object): wall power, inlet/outlet, board temps, average from GHSavg', () => {
    const f = parseAvalon({ litestats: load('avalon/a16-litestats.json') });
    expect(f).toMatchObject({ powerW: 3893, tempInletC: 24, tempOutletC: 71, tempChipMaxC: 82, tempBoardMaxC: 59, fansRpm: [4210, 4180, 4233, 4199], hashrateNominalThs: 282 });
    expect(f.hashrateAvgThs).toBeCloseTo(281.9027, 4);
    expect(f.hashrate5sThs).toBeCloseTo(280.1142, 4);
  });
  it('Nano 3S estats: MAC from the MM text, one fan, PS power', () => {
    const f = parseAvalon({ estats: load('avalon/nano3s-estats.json') });
    expect(f).toMatchObject({ macAddress: 'E0:A5:09:1C:2D:3E', tempChipMaxC: 63, tempInletC: 22, fansRpm: [3120], powerW: 140, hashrateNominalThs: 6 });
  });
  it('missing fields stay null, never 0', () => {
    const f = parseAvalon({ stats: { STATS: [{ 'MM ID0': 'Ver[x] Temp[30]' }] } });
    expect(f).toMatchObject({ tempInletC: 30, tempChipMaxC: null, macAddress: null, hashrateNominalThs: null, fansRpm: [] });
    expect(f.powerW ?? null).toBeNull();
  });
});

describe('SealMiner bdminer (constructed from the documented stats keys, see NOTICE)', () => {
  const f = parseSealminer({ summary: load('sealminer/a2-summary.json'), stats: load('sealminer/a2-stats.json') });
  it('identifies by the Bdminer key or the bdminer description', () => {
    expect(identifyFromVersion(load('sealminer/a2-version.json'))).toEqual({ vendor: 'sealminer', model: 'SealMiner A2', firmware: 'bdminer 4.11.1' });
    expect(identifyFromVersion({ STATUS: [{ STATUS: 'S', Description: 'bdminer 4.11.2' }], VERSION: [{ API: '3.7' }] })?.vendor).toBe('sealminer');
  });
  it('the average (MHS av) is the rate of record, not the 5 s spike', () => {
    expect(f.hashrateAvgThs).toBeCloseTo(206.86047351, 6);
    expect(f.hashrate5sThs).toBeCloseTo(251.234567, 6);
  });
  it('model, MAC, firmware, power, nominal, temperatures, fans, uptime', () => {
    expect(f).toMatchObject({
      vendor: 'sealminer',
      macAddress: '50:D4:48:4B:86:78',
      firmware: '2025091001',
      powerW: 3504,
      powerSource: 'reported',
      tempBoardMaxC: 67,
      tempChipMaxC: 79,
      fansRpm: [4860, 4920, 4890, 4950],
      accepted: 31277,
      uptimeS: 86400,
    });
    expect(f.hashrateNominalThs).toBeCloseTo(230.83940728559, 6);
  });
  it('a summary with only MHS 5s gives no average (never the spike as the rate)', () => {
    expect(parseSealminer({ summary: { SUMMARY: [{ 'MHS 5s': 2.5e8 }] } }).hashrateAvgThs).toBeNull();
  });
});

describe('Whatsminer API v3 (constructed from the documented v3 schema, see NOTICE)', () => {
  const all = parseBtminerV3({
    deviceInfo: load('whatsminer-v3/get.device.info.json'),
    summary: load('whatsminer-v3/get.miner.status-summary.json'),
    pools: load('whatsminer-v3/get.miner.status-pools.json'),
    edevs: load('whatsminer-v3/get.miner.status-edevs.json'),
  });
  it('device info: model, MAC, firmware', () => {
    expect(all).toMatchObject({ vendor: 'whatsminer', model: 'M60S+_VL10', macAddress: 'C8:7A:0A:00:02:23', firmware: 'btminer v3 20241105.22.REL' });
  });
  it('status: hash-average is the rate of record (TH/s), realtime the sample; power, inlet, chip/board, fans', () => {
    expect(all).toMatchObject({
      hashrateAvgThs: 185.37,
      hashrate5sThs: 199.82,
      hashrateNominalThs: 186,
      powerW: 3478,
      powerSource: 'reported',
      tempInletC: 27.5,
      tempChipMaxC: 82.6,
      tempBoardMaxC: 67.3,
      fansRpm: [5460, 5520],
      uptimeS: 91234,
      accepted: 18422,
      rejected: 21,
    });
    expect(all.pools?.map((p) => [p.url, p.user, p.status])).toEqual([
      ['stratum+tcp://btc.example-pool.invalid:3333', 'farm.m60s-021', 'alive'],
      ['stratum+tcp://btc-backup.example-pool.invalid:443', 'farm.m60s-021', 'alive'],
    ]);
  });
  it('an error reply (code ≠ 0) reads as nothing, and nothing is not "readable"', () => {
    const f = parseBtminerV3({ summary: load('whatsminer-v3/error-invalid-cmd.json') });
    expect(f.hashrateAvgThs).toBeNull();
    expect(v3Readable(f)).toBe(false);
    expect(isV3Reply(load('whatsminer-v3/error-invalid-cmd.json'))).toBe(true);
    expect(isV3Reply({ STATUS: [{ STATUS: 'S' }], code: 0, msg: {} })).toBe(false);
  });
});

describe('Braiins OS cgminer API (constructed from documented keys, see NOTICE)', () => {
  it('summary + devs + temps + fans + tunerstatus: MH/s to TH/s, nominal from devs, power from the tuner', () => {
    const b = parseBraiins({ summary: load('braiins/summary.json'), devs: load('braiins/devs.json'), tunerstatus: load('braiins/tunerstatus.json') });
    const x = parseExtras({ temps: load('braiins/temps.json'), fans: load('braiins/fans.json') });
    expect(b.hashrateAvgThs).toBeCloseTo(104.21134512, 6);
    expect(b.hashrate5sThs).toBeCloseTo(109.87654321, 6);
    expect(b.hashrateNominalThs).toBeCloseTo(104, 6);
    expect(b).toMatchObject({ vendor: 'braiins', powerW: 2968, powerSource: 'reported', accepted: 6120, uptimeS: 43200 });
    expect(x).toMatchObject({ tempChipMaxC: 75, tempBoardMaxC: 59, fansRpm: [4320, 4290, 4350, 4310] });
  });
});

describe('VNish', () => {
  it('is told from stock bmminer by its name anywhere in the version reply', () => {
    expect(identifyFromVersion(load('vnish/version.json'))).toMatchObject({ vendor: 'vnish', model: 'Antminer S19j Pro' });
    expect(identifyFromVersion({ VERSION: [{ BMMiner: '1.0.0', Type: 'Antminer S19' }] })?.vendor).toBe('antminer');
  });
});

describe('Auradine Teraflux (captured replies, asic-rs)', () => {
  it('version names GCMiner', () => {
    expect(identifyFromVersion(load('auradine/version.json'))).toEqual({ vendor: 'auradine', model: null, firmware: 'GCMiner 0.5' });
  });
  it('summary, fans, hash-board temperatures (not the control board), PSU power as text with unit, model and MAC from ipreport', () => {
    const f = parseAuradine({
      summary: load('auradine/summary.json'),
      fan: load('auradine/fan.json'),
      temperature: load('auradine/temperature.json'),
      psu: load('auradine/psu.json'),
      ipreport: load('auradine/ipreport.json'),
    });
    expect(f.hashrateAvgThs).toBeCloseTo(7.970630042671183, 9);
    expect(f.hashrate5sThs).toBeCloseTo(20.5997671774699, 9);
    expect(f).toMatchObject({
      vendor: 'auradine',
      model: 'AT1500',
      macAddress: '1C:00:00:0E:3B:2B',
      fansRpm: [7080, 7020, 7100, 7020],
      tempBoardMaxC: 47.5,
      powerW: 58.94,
      powerSource: 'reported',
      accepted: 3310,
      uptimeS: 56696,
    });
    expect(f.tempChipMaxC).toBeCloseTo(51.41230102539066, 9);
    expect(numWithUnit('4052.00 RPM')).toBe(4052);
    expect(numWithUnit('fast')).toBeNull();
  });
});
