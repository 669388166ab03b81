import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { jobSchedules } from '@/inngest/schedules';
import { withActor } from '@/lib/api/with-actor';
import { checkHealth } from '@/lib/health';
import { loadMonitoring } from '@/lib/system/monitoring';

export const dynamic = 'force-dynamic';

/**
 * The monitoring page's figures as JSON, for owners and admins (system:performance): the same
 * clock as /api/health (its `startedAt` and `uptimeS` agree), the database, every job against its
 * schedule, outside services, the caller's collectors and this instance. No configuration, no
 * secrets, no URLs beyond hosts.
 */
export const GET = withActor({ module: 'system:performance', level: 'READ' }, async (_req, { actor }) => {
  const now = new Date();
  const [health, m] = await Promise.all([checkHealth(), getDb().then((db) => loadMonitoring(db, actor.scope, jobSchedules(), now))]);
  return NextResponse.json({ ...health, ...m }, { headers: { 'cache-control': 'no-store' } });
});
