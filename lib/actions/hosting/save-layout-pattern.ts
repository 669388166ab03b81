'use server';

import { getDb } from '@/db';
import { setSiteLayoutPattern } from '@/db/queries/hosting/site-writes';
import { authorizedAction } from '@/lib/actions/action';
import { parseLayoutPattern } from '@/lib/domain/hosting/rack-layout';
import { redirect } from '@/lib/i18n/navigation';
import { isLocale, routing } from '@/lib/i18n/routing';
import { z } from '@/lib/validation/zod';

const schema = z.object({
  siteId: z.uuid(),
  pattern: z
    .string()
    .trim()
    .max(120)
    .refine((p) => parseLayoutPattern(p).ok, { message: 'invalid' }),
});

const run = authorizedAction({ module: 'hosting:site_management', level: 'FULL' }, schema, async (input, actor) => {
  await setSiteLayoutPattern(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input.siteId, input.pattern);
  return { siteId: input.siteId };
});

/** The rack map form's "save for this site": saves the pattern and reloads the map, or shows the refusal. */
export async function saveLayoutPatternAction(form: FormData) {
  const raw = { siteId: String(form.get('siteId') ?? ''), pattern: String(form.get('pattern') ?? '') };
  const localeRaw = String(form.get('locale') ?? '');
  const locale = isLocale(localeRaw) ? localeRaw : routing.defaultLocale;
  const result = await run(raw);
  if (!z.uuid().safeParse(raw.siteId).success) redirect({ href: '/hosting/sites', locale });
  const base = `/hosting/sites/${raw.siteId}/map`;
  if (result.ok) redirect({ href: `${base}?saved=1`, locale });
  else redirect({ href: { pathname: base, query: { pattern: raw.pattern.slice(0, 500), saveError: result.code } }, locale });
}
