import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listMinerModels } from '@/db/queries/hosting/miners';
import { AppError } from '@/lib/core/errors';
import { errorResponse } from '@/lib/api/with-actor';
import { getActor } from '@/lib/auth/actor';

/** The model catalogue for filters and forms. Any signed-in user may read it; the counts follow their scope. */
export async function GET() {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const rows = await listMinerModels(await getDb(), actor.scope);
    return NextResponse.json({
      models: rows.map((m) => ({ id: m.id, vendor: m.vendor, name: m.name, hashrateThs: Number(m.hashrate_ths), powerW: m.power_w, miners: m.miners })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
