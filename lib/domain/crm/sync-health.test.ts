import { describe, expect, it } from 'vitest';
import { syncStatus } from './sync-health';

const now = new Date('2026-12-06T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('syncStatus: seed 002’s recommended alerts', () => {
  it.each([
    { name: 'healthy', c: { totalCustomers: 150, linkedCustomers: 45, lastBatchAt: hoursAgo(2), operations: 45, errors: 0 }, rate: 30, issues: [] },
    { name: 'link rate below 20 %', c: { totalCustomers: 10, linkedCustomers: 1, lastBatchAt: hoursAgo(2), operations: 1, errors: 0 }, rate: 10, issues: ['LOW_LINK_RATE'] },
    { name: 'exactly 20 % is not low', c: { totalCustomers: 10, linkedCustomers: 2, lastBatchAt: hoursAgo(2), operations: 2, errors: 0 }, rate: 20, issues: [] },
    { name: 'errors above 5 %', c: { totalCustomers: 10, linkedCustomers: 10, lastBatchAt: hoursAgo(2), operations: 100, errors: 6 }, rate: 100, issues: ['HIGH_ERROR_RATE'] },
    { name: 'exactly 5 % is not above', c: { totalCustomers: 10, linkedCustomers: 10, lastBatchAt: hoursAgo(2), operations: 100, errors: 5 }, rate: 100, issues: [] },
    { name: 'last batch older than 24 h', c: { totalCustomers: 10, linkedCustomers: 10, lastBatchAt: hoursAgo(25), operations: 10, errors: 0 }, rate: 100, issues: ['STALE_BATCH'] },
    { name: 'never synced', c: { totalCustomers: 10, linkedCustomers: 10, lastBatchAt: null, operations: 0, errors: 0 }, rate: 100, issues: ['NEVER_SYNCED'] },
    { name: 'no customers: no link alarm', c: { totalCustomers: 0, linkedCustomers: 0, lastBatchAt: hoursAgo(1), operations: 0, errors: 0 }, rate: 0, issues: [] },
  ])('$name', ({ c, rate, issues }) => {
    const s = syncStatus(c, now);
    expect(s.linkRatePct).toBe(rate);
    expect(s.issues).toEqual(issues);
    expect(s.health).toBe(issues.length ? 'warning' : 'healthy');
  });
});
