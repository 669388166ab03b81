'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { clientAddress } from '@/lib/auth/client-address';
import { getHostBrand } from '@/lib/brands/host-brand';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { env } from '@/lib/env';
import { submitRegistration } from './registration-flow';

/**
 * The public sign-up page's action: no session (it is for people without an account). It files a
 * lead, never a user; staff turn it into a customer and give access. The host decides the brand,
 * hence the organization and the name in the e-mail.
 */
export async function registerLeadAction(_prev: ActionResult<{ sent: boolean }> | null, form: FormData): Promise<ActionResult<{ sent: boolean }>> {
  const h = await headers();
  const host = await getHostBrand();
  const brand = host.kind === 'brand' ? host.brand : null;
  if (host.kind === 'unknown') return { ok: false, code: 'NOT_FOUND' };
  const baseUrl = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'}`;
  try {
    return await submitRegistration(await getDb(), formToObject(form), { ip: clientAddress(h, env().trustedProxyHops), brandOrgId: brand?.orgId ?? null, baseUrl, appName: appNameOf(brand), smtp: env().smtp ?? null, now: new Date() });
  } catch (error) {
    console.error('[register] unexpected error', error);
    return { ok: false, code: 'INTERNAL' };
  }
}
