import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listRules } from '@/db/queries/alerts/rules';
import { escalationSettings } from '@/db/queries/alerts/escalation';
import { listChannels, orgChannelOptions } from '@/db/queries/alerts/notification-channels';
import { listDeliveries } from '@/db/queries/alerts/notifications';
import { can } from '@/lib/auth/permissions';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { deliveryLogPageSchema } from '@/lib/validation/alerts';
import { ChannelsCard } from './_components/channels-card';
import { DeliveryLog } from './_components/delivery-log';
import { EscalationCard } from './_components/escalation-card';
import { RuleDialog } from './_components/rule-dialog';
import { RulesTable } from './_components/rules-table';

export const generateMetadata = pageTitle('alerts');

export default async function AlertsPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'basic:settings', deliveryLogPageSchema);
  const owner = { orgId: actor.orgId, userId: actor.userId };
  const db = await getDb();
  // The escalation reaches every site's alerts: an organization-wide role with alert rights sets it.
  const escalates = can(actor.role, 'hosting:alerts', 'FULL') && actor.scope.sites === 'all' && actor.scope.customers === 'all';
  const [rules, channels, log, t, escalation, orgChannels] = await Promise.all([
    listRules(db, owner),
    listChannels(db, owner),
    listDeliveries(db, owner, { status: q.status }, q),
    getTranslations('Alerts'),
    escalates ? escalationSettings(db, actor.orgId) : null,
    escalates ? orgChannelOptions(db, actor.orgId) : [],
  ]);
  const options = channels.map(({ id, kind, label, target }) => ({ id, kind, label, target }));
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RuleDialog channels={options} accountEmail={actor.email} triggerLabel={t('newRule')} />} />
      <div className="flex flex-col gap-6">
        <RulesTable rules={rules} channels={options} accountEmail={actor.email} />
        <ChannelsCard channels={channels} />
        {escalates ? (
          <EscalationCard
            current={escalation}
            channels={orgChannels.map((c) => ({ id: c.id, name: t('channelOption', { label: c.label, owner: c.owner, format: c.kind === 'email' ? t('channelKinds.email') : t(`channelFormats.${c.format}`) }) }))}
          />
        ) : null}
        <DeliveryLog log={log} status={q.status} query={query} />
      </div>
    </>
  );
}
