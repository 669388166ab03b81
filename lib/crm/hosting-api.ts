import { createTranslator } from 'next-intl';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { z } from '@/lib/validation/zod';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/*
 * What the five CRM endpoints of seed 002 share: the success envelope, the customer id, who may read
 * a customer's hosting figures, and their texts in the caller's language. Errors take the `crm`
 * shape of the one error table (lib/api/error-response.ts), through withActor.
 */

/** `{success: true, data}` (plus `message` where the seed has one). */
export const crmOk = (data: unknown, extra: Record<string, unknown> = {}, init?: ResponseInit) => Response.json({ success: true, data, ...extra }, init);

/** The path's customer id: not a UUID is a customer that does not exist, not a malformed request. */
export function customerIdParam(params: { id: string }): string {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError('NOT_FOUND', 'No such customer');
  return id.data;
}

/**
 * Reading one customer's hosting figures: staff with CRM read access, and a CLIENT for its own
 * customer (the scope lets it see no other: another id is a 404, as one that does not exist).
 */
export function assertReadsCustomerHosting(actor: Actor): void {
  if (!can(actor.role, 'crm:customer_view', 'READ') && actor.role !== 'CLIENT') throw new AppError('FORBIDDEN');
}

export const localeOf = (actor: Actor): Locale => (isLocale(actor.locale) ? actor.locale : 'en');

/** The CrmSync messages in a locale, for the texts a route sends (the seed's `message`, sync-status issues). */
export const crmSyncText = (locale: Locale) => createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'CrmSync' });
