import { describe, expect, it } from 'vitest';
import { type AlertKind, evaluateRule, type MinerState, readingOf, ruleApplies } from './alert-rules';

const now = new Date('2026-11-22T06:00:00Z');
const m: MinerState = {
  minerId: 'm',
  siteId: 's',
  modelId: 1,
  customerId: 'c',
  collectedAt: new Date('2026-11-22T05:59:00Z'),
  online: true,
  offlineSince: null,
  hashrateThs: 100,
  nominalThs: 110,
  tempChipMaxC: 80,
  fanMinRpm: 5000,
  fanCount: 4,
  accepted: 990,
  rejected: 10,
};
const rule = (kind: AlertKind, threshold: number) => ({ id: 'r', kind, threshold, siteId: null, modelId: null, customerId: null });

describe('evaluateRule', () => {
  it.each<[string, AlertKind, number, Partial<MinerState>, boolean]>([
    ['online, fresh', 'OFFLINE', 10, {}, false],
    ['offline 5 of 10 min', 'OFFLINE', 10, { online: false, offlineSince: new Date('2026-11-22T05:55:00Z') }, false],
    ['offline 10 of 10 min', 'OFFLINE', 10, { online: false, offlineSince: new Date('2026-11-22T05:50:00Z') }, true],
    ['silent collector for 15 min', 'OFFLINE', 10, { collectedAt: new Date('2026-11-22T05:45:00Z') }, true],
    ['80 °C vs 85', 'TEMP_HIGH', 85, {}, false],
    ['86 °C vs 85', 'TEMP_HIGH', 85, { tempChipMaxC: 86 }, true],
    ['no temperature', 'TEMP_HIGH', 85, { tempChipMaxC: null }, false],
    ['90.9 % vs 90 %', 'HASHRATE_LOW', 90, {}, false],
    ['90.9 % vs 95 %', 'HASHRATE_LOW', 95, {}, true],
    ['no nominal', 'HASHRATE_LOW', 95, { nominalThs: null }, false],
    ['offline is not low hashrate', 'HASHRATE_LOW', 95, { online: false, hashrateThs: 0 }, false],
    ['fans turning', 'FAN_FAILURE', 0, {}, false],
    ['a fan stopped', 'FAN_FAILURE', 0, { fanMinRpm: 0 }, true],
    ['no fans reported (immersion)', 'FAN_FAILURE', 0, { fanMinRpm: null, fanCount: 0 }, false],
    ['1 % rejects vs 2 %', 'REJECT_RATE_HIGH', 2, {}, false],
    ['3 % rejects vs 2 %', 'REJECT_RATE_HIGH', 2, { accepted: 970, rejected: 30 }, true],
    ['no shares yet', 'REJECT_RATE_HIGH', 2, { accepted: 0, rejected: 0 }, false],
  ])('%s', (_name, kind, threshold, over, firing) => {
    expect(evaluateRule(rule(kind, threshold), { ...m, ...over }, now).firing).toBe(firing);
  });

  it('reports the measured value', () => {
    expect(evaluateRule(rule('HASHRATE_LOW', 95), m, now).value).toBe('90.9 %');
  });
});

describe('ruleApplies', () => {
  it('matches every named target', () => {
    expect(ruleApplies({ ...rule('TEMP_HIGH', 1), siteId: 's', modelId: 1 }, m)).toBe(true);
    expect(ruleApplies({ ...rule('TEMP_HIGH', 1), siteId: 's', modelId: 2 }, m)).toBe(false);
    expect(ruleApplies({ ...rule('TEMP_HIGH', 1), customerId: 'other' }, m)).toBe(false);
  });
});

describe('readingOf', () => {
  it.each<[AlertKind, Partial<MinerState>, ReturnType<typeof readingOf>]>([
    ['OFFLINE', { online: false, offlineSince: new Date('2026-11-22T03:00:00Z') }, { amount: 180, unit: 'min', digits: 0 }],
    ['TEMP_HIGH', { tempChipMaxC: 92.5 }, { amount: 92.5, unit: '°C', digits: 1 }],
    // 100 / 110 TH/s = 90.9 %
    ['HASHRATE_LOW', {}, { amount: 90.9, unit: '%', digits: 1 }],
    ['FAN_FAILURE', { fanMinRpm: 0 }, { amount: 0, unit: 'rpm', digits: 0 }],
    // 10 rejected of 1,000 shares = 1.00 %
    ['REJECT_RATE_HIGH', {}, { amount: 1, unit: '%', digits: 2 }],
  ])('reads back what evaluateRule wrote for %s', (kind, state, want) => {
    expect(readingOf(evaluateRule(rule(kind, 0), { ...m, ...state }, now).value)).toEqual(want);
  });

  it.each([null, '', '12', 'twelve min', '12 kg', '1e3 min'])('has no reading in %j', (value) => {
    expect(readingOf(value)).toBeNull();
  });
});
