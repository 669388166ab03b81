import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listMinerModels } from '@/db/queries/hosting/miners';
import { withActor } from '@/lib/api/with-actor';

/** The model catalogue for filters and forms. Any signed-in user may read it; the counts follow their scope. */
export const GET = withActor('signed-in', async (_req, { actor }) => {
  const rows = await listMinerModels(await getDb(), actor.scope);
  return NextResponse.json({
    models: rows.map((m) => ({ id: m.id, vendor: m.vendor, name: m.name, hashrateThs: Number(m.hashrate_ths), powerW: m.power_w, miners: m.miners })),
  });
});
