import type { Redis } from '@upstash/redis';
import type { Db } from '@/db/client';
import { poolApiCallLogs } from '@/db/schema';
import { ANTPOOL_WINDOW_MS, type CallOutcome, DbRateBudget, PLANNED_LIMIT, type RateBudget, type Reservation } from './budget';

/*
 * The same sliding window as DbRateBudget, kept in Redis for installations that run many instances:
 * a sorted set of request start times, trimmed, counted and added to in one Lua script, so the check
 * and the take are atomic across instances. The call log stays in the database (the usage page and
 * the audit trail read it); only the counting moves.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {-1, tonumber(oldest[2])}
end
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], now, seq)
redis.call('PEXPIRE', KEYS[1], window)
-- The sequence expires with the set, never before it, so a member is never reused while still counted.
redis.call('PEXPIRE', KEYS[2], window)
return {seq, limit - n - 1}`;

export class RedisRateBudget implements RateBudget {
  private readonly log: DbRateBudget;

  constructor(
    private readonly redis: Redis,
    private readonly db: Db,
    readonly limit = PLANNED_LIMIT,
    private readonly windowMs = ANTPOOL_WINDOW_MS,
    private readonly key = 'hi:antpool:budget',
  ) {
    this.log = new DbRateBudget(db, limit, windowMs);
  }

  async reserve(call: { endpoint: string; accountId?: string | null; attempt: number }, now: Date): Promise<Reservation> {
    const [seq, second] = (await this.redis.eval(RESERVE, [this.key, `${this.key}:seq`], [now.getTime(), this.windowMs, this.limit])) as [number, number];
    if (Number(seq) < 0) return { waitMs: Math.max(50, Number(second) + this.windowMs - now.getTime() + 1) };
    const left = Number(second);
    const [row] = await this.db
      .insert(poolApiCallLogs)
      .values({ endpoint: call.endpoint, accountId: call.accountId ?? null, startedAt: now, status: 'pending', attempt: call.attempt, budgetLeft: left })
      .returning({ id: poolApiCallLogs.id });
    return { id: row!.id, left };
  }

  complete(id: string | number, outcome: CallOutcome): Promise<void> {
    return this.log.complete(id, outcome);
  }

  async used(now: Date): Promise<number> {
    return Number(await this.redis.zcount(this.key, `(${now.getTime() - this.windowMs}`, '+inf'));
  }
}
