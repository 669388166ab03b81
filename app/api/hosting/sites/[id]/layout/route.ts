import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { clearSiteLayout, replaceSiteLayout } from '@/db/queries/hosting/site-layout';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readBody } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { AppError, notFound } from '@/lib/core/errors';
import { type LayoutCsvError, parseLayoutCsv } from '@/lib/domain/hosting/layout-csv';
import { withLayoutErrorText } from '@/lib/hosting/layout-csv-text';
import { z } from '@/lib/validation/zod';

const refused = (errors: LayoutCsvError[], locale: string) =>
  new AppError('VALIDATION', `${errors.length} line(s) of the layout are invalid; nothing was written`, undefined, { details: { rows: withLayoutErrorText(errors, locale) } });

/**
 * `POST /api/hosting/sites/:id/layout` with a CSV sheet as the body (`room,row,rack,position,miner`;
 * the miner by serial, MAC, IP or name): replaces the site's imported layout. All or nothing: a sheet
 * with any bad line answers 400 with every error by line, each with its text in the user's language
 * (`error.rows[]: {line, code, column?, message}`), and writes nothing.
 * `DELETE` removes the imported layout (the map reads the names with the pattern again).
 */
export const POST = withActor<{ id: string }>({ module: 'hosting:site_management', level: 'FULL' }, async (req, { actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw notFound();
  const parsed = parseLayoutCsv((await readBody(req, BODY_LIMITS.layoutCsv)).toString('utf8'));
  if (!parsed.ok) throw refused(parsed.errors, actor.locale);
  try {
    const result = await replaceSiteLayout(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, params.id, parsed.value);
    return NextResponse.json(result);
  } catch (error) {
    if (error instanceof AppError && Array.isArray(error.details?.rows)) throw refused(error.details.rows as LayoutCsvError[], actor.locale);
    throw error;
  }
});

export const DELETE = withActor<{ id: string }>({ module: 'hosting:site_management', level: 'FULL' }, async (_req, { actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw notFound();
  return NextResponse.json(await clearSiteLayout(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, params.id));
});
