import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { Link } from '@/lib/i18n/navigation';
import { pageParamsSchema } from '@/lib/validation/list-params';
import { AlertsTab } from './_components/alerts-tab';
import { CollectorsTab } from './_components/collectors-tab';
import { CommandsTab } from './_components/commands-tab';
import { DiscoveryTab } from './_components/discovery-tab';

export const metadata: Metadata = { title: 'Edge' };

const TABS = ['collectors', 'discovery', 'commands', 'alerts'] as const;

export default async function EdgePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:edge');
  const sp = await searchParams;
  const tab = TABS.find((x) => x === sp.tab) ?? 'collectors';
  const { page } = pageParamsSchema.parse(sp);
  const t = await getTranslations('Edge');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <nav aria-label={t('title')} className="mb-4 flex gap-1 border-b border-line">
        {TABS.map((x) => (
          <Link
            key={x}
            href={{ pathname: '/hosting/edge', query: { tab: x } }}
            aria-current={x === tab ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${x === tab ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink'}`}
          >
            {t(`tab.${x}`)}
          </Link>
        ))}
      </nav>
      {tab === 'collectors' ? (
        <CollectorsTab actor={actor} page={page} />
      ) : tab === 'discovery' ? (
        <DiscoveryTab actor={actor} />
      ) : tab === 'commands' ? <CommandsTab actor={actor} page={page} /> : <AlertsTab actor={actor} page={page} />}
    </>
  );
}
