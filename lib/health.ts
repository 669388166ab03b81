import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { env } from './env';

const startedAt = Date.now();

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'error'; version: string; uptimeS: number };

/** What a load balancer and an operator need to know; never configuration or secrets. */
export async function checkHealth(): Promise<Health> {
  let db: Health['db'] = 'ok';
  try {
    await (await getDb()).execute(sql`select 1`);
  } catch {
    db = 'error';
  }
  return { status: db === 'ok' ? 'ok' : 'degraded', db, version: env().version, uptimeS: Math.round((Date.now() - startedAt) / 1000) };
}
