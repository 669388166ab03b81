import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { requirePage } from '@/lib/auth/guard';
import type { Module } from '@/lib/auth/permissions';
import { z } from '@/lib/validation/zod';

export type ItemPageProps = { params: Promise<{ locale: string; id: string }> };

/**
 * The opening of a page about one item (`/…/[id]/…`): the request's locale set, the signed-in actor
 * allowed `module` at `level` (else the sign-in or forbidden page), and a malformed id answered 404
 * like an item outside the actor's scope, so existence is not disclosed.
 */
export async function openItemPage(props: ItemPageProps, module: Module, level: 'READ' | 'FULL' = 'READ') {
  const { locale, id } = await props.params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, module, level);
  if (!z.uuid().safeParse(id).success) notFound();
  return { locale, id, actor };
}
