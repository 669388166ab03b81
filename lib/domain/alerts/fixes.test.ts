import { describe, expect, it } from 'vitest';
import { fixesFor } from './fixes';

describe('fixesFor', () => {
  it.each([
    ['OFFLINE', 'offline', ['REBOOT']],
    ['HASHRATE_LOW', 'online', ['REBOOT']],
    ['HASHRATE_LOW', 'sleeping', ['WAKE']],
    ['OFFLINE', 'sleeping', ['WAKE']],
    ['TEMP_HIGH', 'overheating', ['SLEEP']],
    ['FAN_FAILURE', 'online', ['SLEEP']],
    ['REJECT_RATE_HIGH', 'online', []],
    ['worker_offline', null, ['REBOOT']],
    ['low_hashrate', 'online', ['REBOOT']],
    ['api_failure', null, []],
    ['budget_warning', null, []],
  ] as const)('%s on a %s miner → %j', (kind, state, want) => {
    expect(fixesFor(kind, state)).toEqual(want);
  });
});
