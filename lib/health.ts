import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { processStartedAt } from '@/lib/observability/metrics';
import { env } from './env';

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'error'; version: string; uptimeS: number; startedAt: string };

/** What a load balancer and an operator need to know; never configuration or secrets. */
export async function checkHealth(): Promise<Health> {
  let db: Health['db'] = 'ok';
  try {
    await (await getDb()).execute(sql`select 1`);
  } catch {
    db = 'error';
  }
  // One clock for every bundle (process.uptime): the page and /api/health agree (lib/observability/metrics.ts).
  const now = Date.now();
  const startedAt = processStartedAt(now);
  return { status: db === 'ok' ? 'ok' : 'degraded', db, version: env().version, uptimeS: Math.max(0, Math.round((now - startedAt.getTime()) / 1000)), startedAt: startedAt.toISOString() };
}
