import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isErrorReply, replyStatus } from './client';
import { identifyFromSummary, identifyFromVersion } from './identify';
import { parseMinerJson } from './json-repair';
import { parseBmminer } from './parse-bmminer';
import { parseBtminer } from './parse-btminer';
import { parsePools, parseSummary } from './parse-common';

const dir = path.resolve(import.meta.dirname, '../../../tests/fixtures/cgminer');
const load = (f: string) => parseMinerJson(readFileSync(path.join(dir, f), 'utf8'));
const bm = (f: string) => load(`antminer-s19pro-bmminer/${f}`);
const bt = (f: string) => load(`whatsminer-btminer-v2/${f}`);

describe('Antminer S19 Pro, bmminer (captured replies)', () => {
  it('version.json identifies vendor, model and firmware', () => {
    expect(identifyFromVersion(bm('version.json'))).toEqual({ vendor: 'antminer', model: 'Antminer S19 Pro', firmware: 'bmminer 1.0.0 (49.0.1.3)' });
  });

  it('summary.json: GH/s to TH/s, shares, HW errors, elapsed', () => {
    expect(parseSummary(bm('summary.json'))).toEqual({
      hashrate5sThs: 110.56689,
      hashrateAvgThs: 111.83485,
      accepted: 4057,
      rejected: 11,
      hardwareErrors: 562,
      uptimeS: 50474,
    });
  });

  it('stats.json: nominal rate, chip/PCB temperatures, four fans, model', () => {
    const f = parseBmminer({ stats: bm('stats.json') });
    expect(f.model).toBe('Antminer S19 Pro');
    expect(f.hashrateNominalThs).toBe(110);
    expect(f.tempChipMaxC).toBe(78);
    expect(f.tempBoardMaxC).toBe(73);
    expect(f.fansRpm).toEqual([6000, 5880, 5040, 5040]);
    expect(f.hashrate5sThs).toBeCloseTo(110.56689, 5);
    expect(f.uptimeS).toBe(50474);
  });

  it('pools.json: three pools, the active one with its shares', () => {
    const pools = parsePools(bm('pools.json'));
    expect(pools).toHaveLength(3);
    expect(pools[0]).toEqual({ url: 'stratum+tcp://btc.global.luxor.tech:700', user: 'satokierepair.H04YK', status: 'Alive', accepted: 4057, rejected: 11 });
  });

  it('devs.json: a single SOC device, read without error', () => {
    const st = replyStatus(bm('devs.json'));
    expect(st).toEqual({ status: 'S', msg: '1 ASC(s)' });
    // bmminer devs carries no hashrate (MHS 0.0): summary/stats are the source, and nothing here crashes the parser.
    expect(parseBmminer({ summary: bm('summary.json'), stats: bm('stats.json'), pools: bm('devs.json') }).pools).toEqual([]);
  });

  it('whole bmminer set: no power reported, no MAC over RPC', () => {
    const f = parseBmminer({ summary: bm('summary.json'), stats: bm('stats.json'), pools: bm('pools.json') });
    expect(f.powerW).toBeUndefined();
    expect(f.macAddress).toBeUndefined();
    expect(f.hashrateAvgThs).toBeCloseTo(111.83485, 5);
  });
});

describe('Whatsminer, btminer API v2 (captured replies)', () => {
  const all = parseBtminer({ summary: bt('summary.json'), devs: bt('devs.json'), pools: bt('pools.json'), getVersion: bt('get_version.json') });

  it('summary.json: MH/s, factory rate, power, env temp, fans, MAC', () => {
    const f = parseBtminer({ summary: bt('summary.json') });
    expect(f.hashrateAvgThs).toBeCloseTo(125, 6);
    expect(f.hashrate5sThs).toBeCloseTo(124.5, 6);
    expect(f.hashrateNominalThs).toBe(126);
    expect(f.powerW).toBe(3200);
    expect(f.powerSource).toBe('reported');
    expect(f.tempInletC).toBe(28.5);
    expect(f.tempChipMaxC).toBe(81);
    expect(f.fansRpm).toEqual([5400, 5280]);
    expect(f.macAddress).toBe('D4:01:02:03:04:05');
    expect(f.accepted).toBe(5412);
    expect(f.uptimeS).toBe(25000);
    expect(identifyFromSummary(bt('summary.json'))?.vendor).toBe('whatsminer');
  });

  it('devs.json: hottest board and chip across the three slots', () => {
    const f = parseBtminer({ devs: bt('devs.json') });
    expect(f.tempBoardMaxC).toBe(67);
    expect(f.tempChipMaxC).toBe(81);
    expect(f.hashrateNominalThs).toBe(126);
  });

  it('pools.json: three pools', () => {
    expect(all.pools?.map((p) => p.url)).toEqual([
      'stratum+tcp://btc.example.pool:3333',
      'stratum+tcp://btc2.example.pool:3333',
      'stratum+tcp://btc3.example.pool:3333',
    ]);
    expect(all.pools?.[0]?.accepted).toBe(5412);
  });

  it('get_version.json: firmware from the v2 bare-object reply', () => {
    expect(all.firmware).toBe('20230803.11.REL');
    expect(replyStatus(bt('get_version.json'))).toEqual({ status: 'S', msg: '' });
  });

  it.each(['get_miner_info.json', 'get_psu.json', 'status.json'])('%s: v2 status shape is read as success, not as a cgminer reply', (f) => {
    const reply = bt(f);
    expect(replyStatus(reply)?.status).toBe('S');
    expect(isErrorReply(reply)).toBe(false);
    expect(identifyFromVersion(reply)).toBeNull();
  });
});

describe('Braiins OS (captured version reply)', () => {
  it('version.json names BOSer', () => {
    expect(identifyFromVersion(load('braiins-bos-v25.05/version.json'))).toEqual({
      vendor: 'braiins',
      model: null,
      firmware: 'boser-buildroot 0.1.0-45f356ea',
    });
  });
});

describe('unknown and hostile input', () => {
  it.each([null, 42, 'x', [], { SUMMARY: 'nope' }, { SUMMARY: [null, 1] }, { STATS: [{ temp_chip1: {}, fan1: 'fast', fan_num: 'x' }] }])(
    'never throws on %j',
    (reply) => {
      expect(() => parseBmminer({ summary: reply, stats: reply, pools: reply })).not.toThrow();
      expect(() => parseBtminer({ summary: reply, devs: reply, pools: reply, getVersion: reply, devdetails: reply })).not.toThrow();
      expect(identifyFromVersion(reply)).toBeNull();
    },
  );

  it('unknown extra fields are ignored and known ones still read', () => {
    const f = parseSummary({ SUMMARY: [{ 'GHS 5s': '1000', 'Brand New Field': { deep: [1] }, Accepted: 5 }] });
    expect(f.hashrate5sThs).toBe(1);
    expect(f.accepted).toBe(5);
  });
});

describe('firmware sentinels and out-of-range values read as unknown', () => {
  it('summary: uptime 4294967295, a negative or absurd hashrate and negative counters are null', () => {
    const f = parseSummary({ SUMMARY: [{ 'GHS 5s': -5000, 'GHS av': 1e300, Accepted: -1, Rejected: 2 ** 53, 'Hardware Errors': 4, Elapsed: 4294967295 }] });
    expect(f).toEqual({ hashrate5sThs: null, hashrateAvgThs: null, accepted: null, rejected: null, hardwareErrors: 4, uptimeS: null });
  });

  it('bmminer: a failed sensor (255) does not hide the others, a 65535 fan is left out, a sentinel uptime gives way to the stats one', () => {
    const f = parseBmminer({
      summary: { SUMMARY: [{ 'GHS 5s': 110000, Elapsed: 4294967295 }] },
      stats: { STATS: [{ chain_rate1: '1', temp_chip1: '78-255-65535-70', temp_pcb1: '1e39-60', fan1: 5400, fan2: 65535, fan3: -1, fan_num: 3, Elapsed: 5000 }] },
    });
    expect(f.tempChipMaxC).toBe(78);
    expect(f.tempBoardMaxC).toBe(60);
    expect(f.fansRpm).toEqual([5400]);
    expect(f.uptimeS).toBe(5000);
    expect(f.hashrate5sThs).toBe(110);
  });

  it('btminer: power 1e12 is no figure (and no source), a MAC that is not one is null, inlet −273 °C is null', () => {
    const f = parseBtminer({ summary: { SUMMARY: [{ 'MHS av': 1e9, Power: 1e12, MAC: 'unknown', 'Env Temp': -273, 'Fan Speed In': 1e12, 'Fan Speed Out': 5280 }] } });
    expect(f).toMatchObject({ hashrateAvgThs: 1000, powerW: null, powerSource: null, macAddress: null, tempInletC: null, fansRpm: [5280] });
  });

  it('text is cut to the envelope field, NUL removed, lists cut to their length', () => {
    const pool = { URL: `stratum+tcp://${'p'.repeat(400)}`, User: 'w\u00001', Status: 'Alive', Accepted: 1e300, Rejected: 1 };
    const f = parseBmminer({ stats: { STATS: [{ Type: `S19\u0000${'x'.repeat(200)}` }] }, pools: { POOLS: Array(12).fill(pool) } });
    expect(f.model).toBe(`S19${'x'.repeat(77)}`);
    expect(f.pools).toHaveLength(8);
    expect(f.pools![0]).toEqual({ url: pool.URL.slice(0, 300), user: 'w1', status: 'Alive', accepted: null, rejected: 1 });
  });
});
