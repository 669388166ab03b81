import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '@/db';
import type { TicketNotice } from '@/db/queries/hosting/ticket-writes';
import type { z } from 'zod';
import { authorizedAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/actor';
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

/**
 * A write from a ticket's page (comment, status, assignee): needs hosting:ticket FULL; the notices it
 * returns are e-mailed after the response and the ticket page is revalidated.
 */
export function ticketPageAction<S extends z.ZodType, R>(schema: S, write: (input: z.infer<S>, actor: Actor) => Promise<{ notices: TicketNotice[]; result: R }>) {
  return authorizedAction({ module: 'hosting:ticket', level: 'FULL' }, schema, async (input, actor) => {
    const { notices, result } = await write(input, actor);
    await emailTicketNoticesLater(actor.orgId, notices);
    revalidatePath('/[locale]/hosting/tickets/[id]', 'page');
    return result;
  });
}
