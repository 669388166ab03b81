import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { addTariffVersion } from '@/db/queries/power/tariff-writes';
import { tariffsInScope, toTariff } from '@/db/queries/power/tariffs';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readJson } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { tariffAt } from '@/lib/domain/power/tariff';
import { tariffInputOf } from '@/lib/power/tariff-input';
import { presentTariff, requireHostView } from '@/lib/power/present';
import { siteQuerySchema, tariffPutSchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/rates[?siteId] (seed: /hosting/api/power/rates): each site's tariff versions
 * and the window and rate in force now. Staff only: a tariff is the host's cost.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const { siteId } = siteQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const now = new Date();
  const sites = await tariffsInScope(await getDb(), actor.scope, siteId);
  return NextResponse.json({
    sites: sites.map((s) => {
      const current = tariffAt(s.versions, s.timeZone, now);
      return { siteId: s.id, name: s.name, timeZone: s.timeZone, now: current && { tariffId: current.tariff.id, window: current.window, rateMcPerKwh: current.rateMcPerKwh }, versions: s.versions.map(presentTariff) };
    }),
  });
});

/**
 * PUT /api/hosting/power/rates: a new version of a site's tariff from `effectiveDate` (local midnight).
 * A version inside a month already billed is refused with 409; the same date replaces a version.
 */
export const PUT = withActor({ module: 'hosting:power', level: 'FULL' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const body = tariffPutSchema.parse(await readJson(req, BODY_LIMITS.json));
  const row = await addTariffVersion(await getDb(), actor.scope, body.siteId, tariffInputOf(body), actor.userId);
  return NextResponse.json({ tariff: presentTariff(toTariff(row)) });
});
