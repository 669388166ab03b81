import type { Db } from '@/db/client';
import { listIntel } from '@/db/queries/market/intel';
import { intelView, type IntelView } from '@/lib/domain/market/intel-view';
import { intelConfigFromEnv } from './refresh';

/** The market page's figures: what the 15-minute job stored, never fetched on a page view, and whether fetching is on. */
export async function loadIntelView(db: Db, now = new Date()): Promise<{ view: IntelView; live: boolean }> {
  return { view: intelView(await listIntel(db), now), live: intelConfigFromEnv().live };
}
