import { headers } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '@/db';
import type { TicketNotice } from '@/db/queries/hosting/ticket-writes';
import { getHostBrand } from '@/lib/brands/host-brand';
import { env } from '@/lib/env';
import { emailTicketNotices } from './ticket-notice-email';

/** From an action: send after the response, so a slow mail server never delays the user's click. */
export async function emailTicketNoticesLater(orgId: string, notices: TicketNotice[]) {
  if (!notices.length || !env().smtp) return;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  const baseUrl = `${proto}://${host}`;
  const hostBrand = await getHostBrand();
  const brand = hostBrand.kind === 'brand' ? hostBrand.brand : null;
  after(async () => {
    try {
      await emailTicketNotices(await getDb(), orgId, notices, { baseUrl, brand });
    } catch (error) {
      console.error('[tickets] notice email failed', error);
    }
  });
}
