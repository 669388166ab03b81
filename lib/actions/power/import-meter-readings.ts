'use server';

import { getDb } from '@/db';
import { REQUEST_REFRESH_HOURS, refreshMeteredHours } from '@/db/queries/power/meter-refresh';
import { upsertMeterReadings } from '@/db/queries/power/meters';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { parseMeterCsv } from '@/lib/power/meter-csv';
import { requireHostView } from '@/lib/power/present';
import { z } from '@/lib/validation/zod';
import { csvText } from './csv-text';

const meterImportSchema = z.object({ siteId: z.uuid('invalid'), text: z.string().trim().min(1, 'required').max(5_000_000, 'tooLong') });
type Imported = { stored: number; reaggregatedHours: number; pending: boolean };

/**
 * A meter export (CSV file or pasted rows) for a site, as `POST …/meter-readings/import` takes it:
 * all rows or none — a bad file answers VALIDATION with `details.rows` naming each bad line — then the
 * hours it touches re-aggregate (the first REQUEST_REFRESH_HOURS now, the rest in the hourly job).
 */
const run = authorizedAction({ module: 'hosting:power', level: 'FULL' }, meterImportSchema, async (input, actor): Promise<Imported> => {
  requireHostView(actor.scope);
  const rows = parseMeterCsv(input.text);
  const db = await getDb();
  const stored = await upsertMeterReadings(db, actor.scope, input.siteId, rows, 'csv');
  const refreshed = await refreshMeteredHours(db, input.siteId, REQUEST_REFRESH_HOURS);
  return { stored, reaggregatedHours: refreshed.hours, pending: refreshed.more };
});

export async function importMeterReadingsAction(_prev: ActionResult<Imported> | null, form: FormData) {
  return run({ siteId: form.get('siteId'), text: await csvText(form) });
}
