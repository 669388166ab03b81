import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { errorResponse } from '@/lib/api/with-actor';
import { currentMetrics } from '@/lib/integrations/market/metrics';

export const dynamic = 'force-dynamic';

/**
 * Public headline network metrics. Served from the SWR cache; shared caches may keep the answer a
 * minute and serve it stale for five more while they refetch.
 */
export async function GET() {
  try {
    const db = await getDb().catch(() => null);
    const metrics = await currentMetrics(db);
    return NextResponse.json(metrics, { headers: { 'cache-control': 'public, max-age=60, stale-while-revalidate=300' } });
  } catch (e) {
    return errorResponse(e);
  }
}
