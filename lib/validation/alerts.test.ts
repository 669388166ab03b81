import { describe, expect, it } from 'vitest';
import { alertRuleSchema, miningSettingsSchema, webhookChannelSchema } from './alerts';
import { toFieldErrors } from '@/lib/core/field-errors';

const errors = (r: { success: boolean; error?: Parameters<typeof toFieldErrors>[0] }) => (r.success ? {} : toFieldErrors(r.error!));
const id = '3f1d4b3e-8a6e-4c1e-9a7b-2f8f0e0c9d11';

describe('miningSettingsSchema', () => {
  it('accepts form strings and returns numbers', () => {
    expect(miningSettingsSchema.parse({ electricityUsdPerKwh: '0.05', efficiencyJPerTh: '17.5', hashrateThs: '1,200' })).toEqual({ electricityUsdPerKwh: 0.05, efficiencyJPerTh: 17.5, hashrateThs: 1200 });
  });
  it.each([
    [{ electricityUsdPerKwh: '', efficiencyJPerTh: '20', hashrateThs: '100' }, { electricityUsdPerKwh: 'required' }],
    [{ electricityUsdPerKwh: 'abc', efficiencyJPerTh: '20', hashrateThs: '100' }, { electricityUsdPerKwh: 'number' }],
    [{ electricityUsdPerKwh: '-0.01', efficiencyJPerTh: '20', hashrateThs: '100' }, { electricityUsdPerKwh: 'outOfRange' }],
    [{ electricityUsdPerKwh: '0.05', efficiencyJPerTh: '0.5', hashrateThs: '100' }, { efficiencyJPerTh: 'outOfRange' }],
    [{ electricityUsdPerKwh: '0.05', efficiencyJPerTh: '20', hashrateThs: '0' }, { hashrateThs: 'positive' }],
    [{ electricityUsdPerKwh: '0.05', efficiencyJPerTh: '20', hashrateThs: 'NaN' }, { hashrateThs: 'number' }],
  ])('%o → %o', (input, want) => {
    expect(errors(miningSettingsSchema.safeParse(input))).toEqual(want);
  });
});

describe('alertRuleSchema', () => {
  it.each([
    [{ kind: 'hashprice_below', threshold: '45', channelIds: ['account-email'] }, {}],
    [{ kind: 'profit_below', threshold: '-50', channelIds: [id] }, {}],
    [{ kind: 'hashprice_below', threshold: '-1', channelIds: [id] }, { threshold: 'outOfRange' }],
    [{ kind: 'difficulty_change_above', threshold: '150', channelIds: [id] }, { threshold: 'outOfRange' }],
    [{ kind: 'difficulty_change_above', threshold: 'x', channelIds: [id] }, { threshold: 'number' }],
    [{ kind: 'hashprice_below', threshold: '40', channelIds: [] }, { channelIds: 'required' }],
    [{ kind: 'nonsense', threshold: '40', channelIds: [id] }, { kind: 'invalid' }],
  ])('%o → %o', (input, want) => {
    expect(errors(alertRuleSchema.safeParse(input))).toEqual(want);
  });
});

describe('webhookChannelSchema', () => {
  it.each([
    [{ label: 'Ops', url: 'https://hooks.example.test/x', secret: 'a'.repeat(16) }, {}],
    [{ label: 'Ops', url: 'ftp://hooks.example.test/x', secret: 'a'.repeat(16) }, { url: 'invalid' }],
    [{ label: '', url: 'not a url', secret: 'short' }, { label: 'required', url: 'invalid', secret: 'tooShort' }],
  ])('%o → %o', (input, want) => {
    expect(errors(webhookChannelSchema.safeParse(input))).toEqual(want);
  });
});
