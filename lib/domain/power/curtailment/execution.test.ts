import { describe, expect, it } from 'vitest';
import { dueSteps, hasRecovered, type RunState, verifyReduction, waveOf } from './execution';

const T0 = new Date('2026-07-15T12:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const state = (s: Partial<RunState>): RunState => ({
  status: 'curtailing',
  createdAt: T0,
  emergency: false,
  waves: 3,
  wavesSent: 1,
  allSentAt: null,
  verifiedAt: null,
  endsAt: null,
  stopRequestedAt: null,
  recoveryStartedAt: null,
  recoveryWavesSent: 0,
  recoverySentAt: null,
  ...s,
});
const kinds = (s: RunState, min: number) => dueSteps(s, at(min)).map((x) => ('wave' in x ? `${x.kind}:${x.wave}` : x.kind));

describe('dueSteps', () => {
  it.each([
    ['wave k goes out k minutes after the start', state({}), 1, ['send_wave:1']],
    ['a late tick sends every wave due, then marks all sent', state({}), 5, ['send_wave:1', 'send_wave:2', 'all_sent']],
    ['an emergency sends everything in the first minute', state({ emergency: true, wavesSent: 0 }), 0, ['send_wave:0', 'send_wave:1', 'send_wave:2', 'all_sent']],
    ['holding: verified 3 minutes after the last command', state({ status: 'holding', wavesSent: 3, allSentAt: at(2) }), 5, ['verify']],
    ['holding, verified: nothing until the window ends', state({ status: 'holding', wavesSent: 3, allSentAt: at(2), verifiedAt: at(5) }), 30, []],
    ['a stop mid-ramp sends no more curtail waves and wakes the first wave at once', state({ stopRequestedAt: at(1) }), 1, ['start_recovery', 'send_recovery_wave:0', 'recovery_sent']],
    ['a stop inside the 20-minute minimum off time: no more curtail waves, and recovery waits', state({ stopRequestedAt: at(1), minOffMinutes: 20 }), 5, []],
    ['the same stop once 20 minutes have passed: recovery starts', state({ status: 'holding', wavesSent: 3, allSentAt: at(2), verifiedAt: at(5), stopRequestedAt: at(1), minOffMinutes: 20 }), 20, ['start_recovery', 'send_recovery_wave:0']],
    ['a window ending before the minimum off time is held to it', state({ status: 'holding', wavesSent: 3, allSentAt: at(2), verifiedAt: at(5), endsAt: at(10), minOffMinutes: 15 }), 12, []],
    ['recovery is staggered even after an emergency', state({ status: 'recovering', emergency: true, wavesSent: 3, recoveryStartedAt: at(10), recoveryWavesSent: 1 }), 11, ['send_recovery_wave:1']],
    ['the recovery check waits 15 minutes after the last wake', state({ status: 'recovering', wavesSent: 3, recoveryStartedAt: at(10), recoveryWavesSent: 3, recoverySentAt: at(12) }), 26, []],
    ['… and then runs', state({ status: 'recovering', wavesSent: 3, recoveryStartedAt: at(10), recoveryWavesSent: 3, recoverySentAt: at(12) }), 27, ['check_recovery']],
    ['completed: nothing', state({ status: 'completed' }), 60, []],
  ])('%s', (_name, s, min, want) => {
    expect(kinds(s, min)).toEqual(want);
  });
});

describe('waves, verification, recovery', () => {
  it('N a minute; everything in wave 0 in an emergency', () => {
    expect([0, 1, 2, 99, 100].map((i) => waveOf(i, 100, false))).toEqual([0, 0, 0, 0, 1]);
    expect(waveOf(5_999, 100, true)).toBe(0);
  });
  it('achieved = Σ (before − now) over miners with a reading; met at 95 % of the request', () => {
    const r = verifyReduction({ baselineW: 20_000, requestedShedW: 10_000, plannedShedW: 10_500 }, [
      { prePowerW: 3_500, targetW: 0, nowW: 30 },
      { prePowerW: 3_500, targetW: 0, nowW: 3_400 },
      { prePowerW: 3_500, targetW: 2_100, nowW: 2_150 },
      { prePowerW: 3_500, targetW: 0, nowW: null },
    ]);
    expect(r).toMatchObject({ achievedShedW: 3_470 + 100 + 1_350, minersShed: 2, minersStillDrawing: 1, minersWithoutReading: 1, met: false });
    expect(r.achievedRatio).toBeCloseTo(0.492, 3);
  });
  it('recovered at 90 % of the hashrate before, not below, not without a reading', () => {
    expect([hasRecovered(100, 90), hasRecovered(100, 89.9), hasRecovered(100, null)]).toEqual([true, false, false]);
  });
});
