import { setRequestLocale } from 'next-intl/server';
import type { z } from 'zod';
import { requirePage } from '@/lib/auth/guard';
import type { Module } from '@/lib/auth/permissions';
import { parseListPage, type SearchParams } from './parse-list-page';

export type ListPageProps = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

/**
 * The opening every list page shares: the request's locale set, the signed-in actor allowed to read
 * `module` (else the sign-in or forbidden page), and the URL read through the list's schema
 * (`q` the typed values, `query` what the page's links carry on; see parseListPage).
 */
export async function openListPage<S extends z.ZodObject>(props: ListPageProps, module: Module, schema: S) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, module);
  const { params: q, query, invalid } = parseListPage(schema, await props.searchParams);
  return { locale, actor, q, query, invalid };
}
