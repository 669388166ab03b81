import { describe, expect, it } from 'vitest';
import { type UptimeInput, uptime24h } from './uptime';

const NOW = new Date('2026-12-06T12:00:00Z');
const none: UptimeInput = { adminStatus: 'active', history: null, daily: null, live: null, pool: null };
const live = (p: Partial<NonNullable<UptimeInput['live']>> = {}) => ({ collectedAt: new Date(NOW.getTime() - 60_000), online: true, uptimeS: 6 * 3600, ...p });

describe('uptime24h', () => {
  it.each<[string, Partial<UptimeInput>, [number, string, string]]>([
    ['5-minute history: online buckets over all 288, missing ones down', { history: { onlineBuckets: 216, buckets: 250 } }, [75, 'telemetry', 'history']],
    ['history wins over everything else', { history: { onlineBuckets: 288, buckets: 288 }, daily: { uptimeHours: 0, days: 1 }, pool: { onlineHours: 0, observedHours: 24 } }, [100, 'telemetry', 'history']],
    ['no 5-minute rows: the daily rollups', { history: { onlineBuckets: 0, buckets: 0 }, daily: { uptimeHours: 36, days: 2 }, live: live() }, [75, 'telemetry', 'daily']],
    ['only a live reading: its uptime counter over the window', { live: live() }, [25, 'telemetry', 'live']],
    ['a live counter past the window caps at 100', { live: live({ uptimeS: 3 * 86_400 }) }, [100, 'telemetry', 'live']],
    ['a current unreachable reading: 0', { live: live({ online: false, uptimeS: null }), pool: { onlineHours: 24, observedHours: 24 } }, [0, 'telemetry', 'live']],
    ['a stale live reading falls to the pool', { live: live({ collectedAt: new Date(NOW.getTime() - 3_600_000) }), pool: { onlineHours: 18, observedHours: 20 } }, [90, 'pool', 'pool']],
    ['a reading without a counter falls to the pool', { live: live({ uptimeS: null }), pool: { onlineHours: 12, observedHours: 24 } }, [50, 'pool', 'pool']],
    ['nothing measured, set active: the nameplate assumes 100', {}, [100, 'nameplate', 'nameplate']],
    ['nothing measured, in maintenance: 0', { adminStatus: 'maintenance', pool: { onlineHours: 0, observedHours: 0 } }, [0, 'nameplate', 'nameplate']],
  ])('%s', (_name, p, [value, source, basis]) => {
    const u = uptime24h({ ...none, ...p }, NOW);
    expect([u.uptimePct, u.uptimeSource, u.uptimeBasis]).toEqual([value, source, basis]);
  });
});
