'use server';

import { getDb } from '@/db';
import { replaceFeederMap } from '@/db/queries/power/feeders';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { parseFeederCsv } from '@/lib/power/feeder-csv';
import { feederImportSchema } from '@/lib/validation/curtailment-plans';
import { csvText } from './csv-text';

/** Replaces a site's feeder map (feeders, caps, and the miners or racks on each) from a CSV; all or nothing. */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, feederImportSchema, async (input, actor) =>
  replaceFeederMap(await getDb(), actor.scope, actor.userId, input.siteId, parseFeederCsv(input.text)),
);

export async function importFeederMapAction(_prev: ActionResult<{ feeders: number; miners: number }> | null, form: FormData) {
  return run({ ...formToObject(form), text: await csvText(form) });
}
