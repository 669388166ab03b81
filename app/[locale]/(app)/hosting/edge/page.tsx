import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StatusTabs } from '@/components/list/status-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { EDGE_TABS, edgePageSchema } from '@/lib/validation/edge-page';
import { AlertsTab } from './_components/alerts-tab';
import { CollectorsTab } from './_components/collectors-tab';
import { CommandsTab } from './_components/commands-tab';
import { DiscoveryTab } from './_components/discovery-tab';

export const generateMetadata = pageTitle('edge');

export default async function EdgePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:edge');
  const { params: q, query } = parseListPage(edgePageSchema, await searchParams);
  const t = await getTranslations('Edge');
  const list = { actor, req: q, query };
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <StatusTabs pathname="/hosting/edge" query={query} param="tab" value={q.tab} tabs={EDGE_TABS.map((x) => ({ value: x, label: t(`tab.${x}`) }))} label={t('title')} reset variant="underline" />
      {q.tab === 'collectors' ? <CollectorsTab {...list} /> : q.tab === 'discovery' ? <DiscoveryTab actor={actor} /> : q.tab === 'commands' ? <CommandsTab {...list} /> : <AlertsTab {...list} />}
    </>
  );
}
