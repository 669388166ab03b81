'use server';

import { getDb } from '@/db';
import { addTariffVersion } from '@/db/queries/power/tariff-writes';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { requireHostView } from '@/lib/power/present';
import { tariffInputOf } from '@/lib/power/tariff-input';
import { tariffPutSchema } from '@/lib/validation/power';

/**
 * A new version of a site's tariff from the tariff form: the same schema and the same write as
 * `PUT /api/hosting/power/rates` (a version inside a month already billed is refused: CONFLICT).
 */
const run = authorizedAction({ module: 'hosting:power', level: 'FULL' }, tariffPutSchema, async (input, actor) => {
  requireHostView(actor.scope);
  const row = await addTariffVersion(await getDb(), actor.scope, input.siteId, tariffInputOf(input), actor.userId);
  return { id: row.id };
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (v: string) => (v === '' ? undefined : v);

/**
 * Form fields: siteId, effectiveDate, kind, `ratesUsdPerKwh.<window>` ($/kWh; blank = none), demandUsdPerKw,
 * fixedMonthlyUsd, holidays (dates separated by commas, spaces or lines) and seasons (JSON that the
 * form's season editor writes: [{name, from, to, periods: [{window, days, from, to}]}]).
 */
export async function saveTariffAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  let seasons: unknown = [];
  try {
    seasons = JSON.parse(text(form, 'seasons') || '[]');
  } catch {
    seasons = null;
  }
  return run({
    siteId: form.get('siteId'),
    effectiveDate: form.get('effectiveDate'),
    kind: form.get('kind'),
    ratesUsdPerKwh: Object.fromEntries(['flat', 'peak', 'shoulder', 'off_peak'].map((w) => [w, optional(text(form, `ratesUsdPerKwh.${w}`))])),
    seasons,
    holidays: text(form, 'holidays').split(/[\s,]+/).filter(Boolean),
    demandUsdPerKw: optional(text(form, 'demandUsdPerKw')),
    fixedMonthlyUsd: optional(text(form, 'fixedMonthlyUsd')),
  });
}
