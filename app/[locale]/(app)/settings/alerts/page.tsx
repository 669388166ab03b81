import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listRules } from '@/db/queries/alerts/rules';
import { listChannels } from '@/db/queries/alerts/notification-channels';
import { listDeliveries } from '@/db/queries/alerts/notifications';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { deliveryLogPageSchema } from '@/lib/validation/alerts';
import { ChannelsCard } from './_components/channels-card';
import { DeliveryLog } from './_components/delivery-log';
import { RuleDialog } from './_components/rule-dialog';
import { RulesTable } from './_components/rules-table';

export const generateMetadata = pageTitle('alerts');

export default async function AlertsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:settings');
  const { params: q, query } = parseListPage(deliveryLogPageSchema, await searchParams);
  const owner = { orgId: actor.orgId, userId: actor.userId };
  const db = await getDb();
  const [rules, channels, log, t] = await Promise.all([
    listRules(db, owner),
    listChannels(db, owner),
    listDeliveries(db, owner, { status: q.status }, q),
    getTranslations('Alerts'),
  ]);
  const options = channels.map(({ id, kind, label, target }) => ({ id, kind, label, target }));
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RuleDialog channels={options} accountEmail={actor.email} triggerLabel={t('newRule')} />} />
      <div className="flex flex-col gap-6">
        <RulesTable rules={rules} channels={options} accountEmail={actor.email} />
        <ChannelsCard channels={channels} />
        <DeliveryLog log={log} status={q.status} query={query} />
      </div>
    </>
  );
}
