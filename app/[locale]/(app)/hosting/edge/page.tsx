import { getTranslations } from 'next-intl/server';
import { StatusTabs } from '@/components/list/status-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { EDGE_TABS, edgePageSchema } from '@/lib/validation/edge-page';
import { AlertsTab } from './_components/alerts-tab';
import { CollectorsTab } from './_components/collectors-tab';
import { CommandsTab } from './_components/commands-tab';
import { DiscoveryTab } from './_components/discovery-tab';

export const generateMetadata = pageTitle('edge');

export default async function EdgePage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'hosting:edge', edgePageSchema);
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
