import { describe, expect, it } from 'vitest';
import { type LiveReading, type OperationalInput, operationalState, type PoolReading } from './operational-state';

const now = new Date('2026-12-06T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const live = (p: Partial<LiveReading> = {}): LiveReading => ({ collectedAt: ago(MIN), online: true, hashrateThs: 200, powerW: 3500, tempChipMaxC: 70, ...p });
const pool = (p: Partial<PoolReading> = {}): PoolReading => ({ recordedAt: ago(30 * MIN), status: 'online', lastShareAt: ago(2 * MIN), ...p });
const input = (p: Partial<OperationalInput>): OperationalInput => ({ live: null, pool: null, nameplatePowerW: 3500, overheatChipC: 90, ...p });

describe('operationalState', () => {
  it.each<[string, Partial<OperationalInput>, string, string]>([
    ['fresh reading, hashing', { live: live() }, 'online', 'telemetry'],
    ['fresh reading, not online', { live: live({ online: false, hashrateThs: null, powerW: null }) }, 'offline', 'telemetry'],
    ['0 TH/s drawing full power: a fault', { live: live({ hashrateThs: 0, powerW: 3400 }) }, 'offline', 'telemetry'],
    ['0 TH/s at exactly 10 % of nameplate: still a fault', { live: live({ hashrateThs: 0, powerW: 350 }) }, 'offline', 'telemetry'],
    ['0 TH/s at 12 W: asleep', { live: live({ hashrateThs: 0, powerW: 12 }) }, 'sleeping', 'telemetry'],
    ['0 TH/s, no power figure: asleep', { live: live({ hashrateThs: 0, powerW: null }) }, 'sleeping', 'telemetry'],
    ['no hashrate figure is not 0 TH/s', { live: live({ hashrateThs: null }) }, 'online', 'telemetry'],
    ['chip above the threshold', { live: live({ tempChipMaxC: 91 }) }, 'overheating', 'telemetry'],
    ['chip at the threshold', { live: live({ tempChipMaxC: 90 }) }, 'online', 'telemetry'],
    ['a rule threshold lower than the default', { live: live({ tempChipMaxC: 86 }), overheatChipC: 85 }, 'overheating', 'telemetry'],
    ['telemetry wins over the pool', { live: live({ online: false }), pool: pool() }, 'offline', 'telemetry'],
    ['reading exactly two poll intervals old', { live: live({ collectedAt: ago(10 * MIN) }) }, 'online', 'telemetry'],
    ['reading a millisecond past two intervals, no pool', { live: live({ collectedAt: ago(10 * MIN + 1) }) }, 'unknown', 'none'],
    ['stale reading, pool online', { live: live({ collectedAt: ago(11 * MIN), online: false }), pool: pool() }, 'online', 'pool'],
    ['no telemetry, pool offline', { pool: pool({ status: 'offline', lastShareAt: ago(5 * 3_600_000) }) }, 'offline', 'pool'],
    ['no telemetry, pool invalid', { pool: pool({ status: 'invalid', lastShareAt: null }) }, 'offline', 'pool'],
    ['pool hour exactly two hours old', { pool: pool({ recordedAt: ago(2 * 3_600_000) }) }, 'online', 'pool'],
    ['pool hour older than two hours', { pool: pool({ recordedAt: ago(2 * 3_600_000 + 1) }) }, 'unknown', 'none'],
    ['nothing at all', {}, 'unknown', 'none'],
  ])('%s', (_name, p, state, source) => {
    const r = operationalState(input(p), now);
    expect([r.state, r.source]).toEqual([state, source]);
  });

  it('last seen: the reading, the last share, or the last reading however old', () => {
    expect(operationalState(input({ live: live() }), now).lastSeenAt).toEqual(ago(MIN));
    expect(operationalState(input({ pool: pool() }), now).lastSeenAt).toEqual(ago(2 * MIN));
    const stale = operationalState(input({ live: live({ collectedAt: ago(5 * 3_600_000) }), pool: pool({ recordedAt: ago(3 * 3_600_000), lastShareAt: ago(3 * 3_600_000) }) }), now);
    expect(stale).toEqual({ state: 'unknown', source: 'none', lastSeenAt: ago(5 * 3_600_000) });
    expect(operationalState(input({}), now).lastSeenAt).toBeNull();
  });
});
