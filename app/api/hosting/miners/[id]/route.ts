import { NextResponse } from 'next/server';
import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { getMiner } from '@/db/queries/hosting/miners';
import { notFound } from '@/lib/core/errors';
import { withActor } from '@/lib/api/with-actor';
import { seesHostCosts } from '@/lib/auth/permissions';

/** One miner as JSON, within the caller's scope; outside it the answer is the same 404 as for no miner. A customer's answer has no electricity prices. */
export const GET = withActor<{ id: string }>({ module: 'hosting:status_monitor', level: 'READ' }, async (_req, { actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw notFound();
  const miner = await getMiner(await getDb(), actor.scope, params.id, { hostCosts: seesHostCosts(actor.role) });
  if (!miner) throw notFound();
  return NextResponse.json({ miner });
});
