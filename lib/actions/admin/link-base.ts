import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * Where one-time links in e-mails point: APP_URL when configured (production should set it, so a
 * forged Host header on a password-reset request cannot send the link elsewhere), else this request's host.
 */
export async function linkBaseUrl(): Promise<string> {
  const configured = env().appUrl;
  if (configured) return configured;
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'}`;
}
