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
