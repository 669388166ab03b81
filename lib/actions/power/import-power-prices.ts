'use server';

import { getDb } from '@/db';
import { upsertPowerPrices } from '@/db/queries/power/curtailment-plans';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { scopeAllowsSite } from '@/lib/core/scope';
import { parsePriceCsv } from '@/lib/integrations/power-prices/feed';
import { priceImportSchema } from '@/lib/validation/curtailment-plans';
import { csvText } from './csv-text';

/** Rows one import may hold: a month of five-minute windows is 8,928. */
const MAX_WINDOWS = 20_000;

/**
 * Stores a site's power prices from a CSV file or typed rows (`start,usd_per_mwh`, the header
 * optional): a window given again takes the new price. Any bad row refuses the whole import.
 */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, priceImportSchema, async (input, actor) => {
  if (!scopeAllowsSite(actor.scope, input.siteId)) throw new AppError('NOT_FOUND');
  const text = /^\s*(start|interval_start|time)\s*,/i.test(input.text) ? input.text : `start,usd_per_mwh\n${input.text}`;
  const parsed = parsePriceCsv(text);
  if (parsed.rejected.length) throw new AppError('VALIDATION', 'Some rows are invalid', { text: 'csvRows' }, { details: { rows: parsed.rejected } });
  if (!parsed.windows.length) throw new AppError('VALIDATION', 'No price', { text: 'required' });
  if (parsed.windows.length > MAX_WINDOWS) throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_WINDOWS} windows`);
  const stored = await upsertPowerPrices(await getDb(), input.siteId, parsed.windows, input.source, new Date());
  return { stored };
});

export async function importPowerPricesAction(_prev: ActionResult<{ stored: number }> | null, form: FormData) {
  return run({ ...formToObject(form), text: await csvText(form) });
}
