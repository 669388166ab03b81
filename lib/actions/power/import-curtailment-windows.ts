'use server';

import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { saveCurtailmentWindows } from '@/db/queries/power/curtailment-windows';
import { sites } from '@/db/schema';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { scopeAllowsSite } from '@/lib/core/scope';
import { parseWindowCsv } from '@/lib/power/window-csv';
import { windowImportSchema } from '@/lib/validation/curtailment-plans';
import { csvText } from './csv-text';

/** Windows from a CSV (a schedule, or a utility's 4CP warnings), in the site's zone or as instants; all or nothing. */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, windowImportSchema, async (input, actor) => {
  if (!scopeAllowsSite(actor.scope, input.siteId)) throw new AppError('NOT_FOUND');
  const db = await getDb();
  const [site] = await db.select({ timeZone: sites.timeZone }).from(sites).where(eq(sites.id, input.siteId));
  if (!site) throw new AppError('NOT_FOUND');
  const windows = parseWindowCsv(input.text, site.timeZone, { kind: input.kind, strategy: input.strategy, perMinute: input.perMinute });
  const saved = await saveCurtailmentWindows(db, actor.scope, actor.userId, input.siteId, windows, 'csv');
  return { saved };
});

export async function importCurtailmentWindowsAction(_prev: ActionResult<{ saved: number }> | null, form: FormData) {
  return run({ ...formToObject(form), text: await csvText(form) });
}
