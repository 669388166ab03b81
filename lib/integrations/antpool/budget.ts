import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { poolApiCallLogs } from '@/db/schema';

/** Antpool bans an IP past 600 requests in 10 minutes; we plan at 85% of it. */
export const ANTPOOL_LIMIT = 600;
export const ANTPOOL_WINDOW_MS = 600_000;
export const PLANNED_LIMIT = Math.floor(ANTPOOL_LIMIT * 0.85);

export type Reservation = { id: string | number; left: number } | { waitMs: number };
export type CallOutcome = { status: 'ok' | 'error'; httpStatus?: number; apiCode?: number; ms: number; error?: string };

/** The one budget every client instance, function and app instance shares. */
export interface RateBudget {
  /** Takes a slot and logs the call as pending, or says how long until a slot frees. */
  reserve(call: { endpoint: string; accountId?: string | null; attempt: number }, now: Date): Promise<Reservation>;
  complete(id: string | number, outcome: CallOutcome): Promise<void>;
  used(now: Date): Promise<number>;
  readonly limit: number;
}

/**
 * Sliding window over the API call log itself: counting and inserting happen under one
 * transaction-scoped advisory lock, so two instances can never both take the last slot.
 */
export class DbRateBudget implements RateBudget {
  constructor(
    private readonly db: Db,
    readonly limit = PLANNED_LIMIT,
    private readonly windowMs = ANTPOOL_WINDOW_MS,
  ) {}

  async reserve(call: { endpoint: string; accountId?: string | null; attempt: number }, now: Date): Promise<Reservation> {
    const since = new Date(now.getTime() - this.windowMs);
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727274006)`);
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${poolApiCallLogs.startedAt})` })
        .from(poolApiCallLogs)
        .where(gt(poolApiCallLogs.startedAt, since));
      const used = row?.n ?? 0;
      if (used >= this.limit) {
        const oldest = row?.oldest ? new Date(row.oldest).getTime() : now.getTime();
        return { waitMs: Math.max(50, oldest + this.windowMs - now.getTime() + 1) };
      }
      const [log] = await tx
        .insert(poolApiCallLogs)
        .values({ endpoint: call.endpoint, accountId: call.accountId ?? null, startedAt: now, status: 'pending', attempt: call.attempt, budgetLeft: this.limit - used - 1 })
        .returning({ id: poolApiCallLogs.id });
      return { id: log!.id, left: this.limit - used - 1 };
    });
  }

  async complete(id: string | number, o: CallOutcome): Promise<void> {
    await this.db
      .update(poolApiCallLogs)
      .set({ status: o.status, httpStatus: o.httpStatus ?? null, apiCode: o.apiCode ?? null, ms: o.ms, error: o.error?.slice(0, 500) ?? null })
      .where(and(eq(poolApiCallLogs.id, Number(id)), eq(poolApiCallLogs.status, 'pending')));
  }

  async used(now: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(poolApiCallLogs)
      .where(gt(poolApiCallLogs.startedAt, new Date(now.getTime() - this.windowMs)));
    return row?.n ?? 0;
  }
}
