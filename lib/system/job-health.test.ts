import { describe, expect, it } from 'vitest';
import { jobHealth, type JobFacts } from './job-health';

const now = new Date('2026-12-07T10:17:30Z');
const facts = (p: Partial<JobFacts>): JobFacts => ({ functionId: 'f', crons: ['*/5 * * * *'], lastScheduledFor: null, lastStartedAt: null, lastFinishedAt: null, lastOutcome: null, ...p });
const t = (s: string) => new Date(`2026-12-07T${s}Z`);

describe('jobHealth against the cron schedule', () => {
  it('on time: the due tick (10:15, the last at or before 10:15:30) ran, 4 s late', () => {
    const h = jobHealth(facts({ lastScheduledFor: t('10:15:00'), lastStartedAt: t('10:15:04'), lastFinishedAt: t('10:15:09'), lastOutcome: 'ok' }), now);
    expect(h).toEqual({ functionId: 'f', dueTick: t('10:15:00'), lagMs: 4000, state: 'ok', overdueMs: null });
  });
  it('within the grace the previous tick is still the due one', () => {
    // now 10:16:30 − 2 min = 10:14:30 → due tick 10:10, which ran
    const h = jobHealth(facts({ lastScheduledFor: t('10:10:00'), lastStartedAt: t('10:10:01'), lastFinishedAt: t('10:10:02'), lastOutcome: 'ok' }), t('10:16:30'));
    expect(h.state).toBe('ok');
  });
  it('late: the 10:15 tick has no run; overdue by now − 10:15 = 150 s', () => {
    const h = jobHealth(facts({ lastScheduledFor: t('10:10:00'), lastStartedAt: t('10:10:01'), lastFinishedAt: t('10:10:02'), lastOutcome: 'ok' }), now);
    expect([h.state, h.overdueMs]).toEqual(['late', 150_000]);
  });
  it('never ran though due', () => expect(jobHealth(facts({}), now)).toMatchObject({ state: 'never', overdueMs: 150_000 }));
  it('a running run is not late', () => expect(jobHealth(facts({ lastScheduledFor: t('10:10:00'), lastStartedAt: t('10:10:01') }), now).state).toBe('running'));
  it('the latest run failed', () => expect(jobHealth(facts({ lastScheduledFor: t('10:15:00'), lastStartedAt: t('10:15:01'), lastFinishedAt: t('10:15:02'), lastOutcome: 'failed' }), now).state).toBe('failed'));
  it('the monthly job on the 1st at 01:00 was due on Dec 1', () => {
    const h = jobHealth(facts({ crons: ['0 1 1 * *'], lastScheduledFor: t('01:00:00') }), now);
    expect(h.dueTick).toEqual(new Date('2026-12-01T01:00:00Z'));
  });
  it('of two crons the later due tick counts', () => {
    const h = jobHealth(facts({ crons: ['0 3 * * *', '0 9 * * *'], lastScheduledFor: t('03:00:00'), lastStartedAt: t('03:00:01'), lastFinishedAt: t('03:00:05'), lastOutcome: 'ok' }), now);
    expect([h.dueTick, h.state]).toEqual([t('09:00:00'), 'late']);
  });
  it('an event-only function has no schedule', () => expect(jobHealth(facts({ crons: [] }), now).state).toBe('event'));
});

describe('a function that never ran, against when the scheduler started', () => {
  it('waits when no tick has come since the start (a fresh install is not 20 h late), is overdue after one', () => {
    const started = new Date('2026-12-07T10:14:00Z');
    // Daily at 00:40: its due tick (today 00:40) is before the start → waiting, nothing overdue.
    expect(jobHealth(facts({ crons: ['40 0 * * *'] }), now, started)).toMatchObject({ state: 'waiting', overdueMs: null });
    // Every 5 min: the 10:15 tick came after the 10:14 start and did not run → never, 150 s overdue.
    expect(jobHealth(facts({}), now, started)).toMatchObject({ state: 'never', overdueMs: 150_000 });
  });
});
