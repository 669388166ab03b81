import { getFormatter, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listApiTokens } from '@/db/queries/auth/api-tokens';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { CreateTokenForm } from './create-token-form';
import { RevokeButton } from './revoke-button';

export const generateMetadata = pageTitle('apiTokens');

export default async function ApiTokensPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'basic:settings', pagedListSchema(25));
  const [tokens, t, format] = await Promise.all([listApiTokens(await getDb(), { orgId: actor.orgId, userId: actor.userId }, q), getTranslations('ApiTokens'), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card title={t('create')} className="mb-6">
        <CreateTokenForm />
      </Card>
      <ListTable
        pathname="/settings/api-tokens"
        query={query}
        page={tokens}
        empty={{ title: t('empty'), hint: t('emptyHint') }}
        label={t('title')}
        rowKey={(r) => r.id}
        columns={[
          { key: 'name', header: t('name'), cell: (r) => r.name },
          { key: 'prefix', header: t('prefix'), cellClassName: 'font-mono text-xs', cell: (r) => `${r.prefix}…` },
          { key: 'created', header: t('created'), cell: (r) => when(r.createdAt) },
          { key: 'lastUsed', header: t('lastUsed'), cell: (r) => when(r.lastUsedAt) },
          { key: 'status', header: t('status'), cell: (r) => (r.revokedAt ? <Badge tone="muted">{t('revoked')}</Badge> : <Badge tone="ok">{t('active')}</Badge>) },
          { key: 'revoke', cellClassName: 'text-right', cell: (r) => (r.revokedAt ? null : <RevokeButton id={r.id} name={r.name} />) },
        ]}
      />
      <Card title={t('usage')} className="mt-6">
        <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-bg p-3 text-xs">{`curl -X POST ${'<host>'}/api/calculator \\\n  -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \\\n  -d '{"model":"Antminer S21","quantity":10,"electricityUsdPerKwh":0.05}'`}</pre>
        <p className="mt-2 text-xs text-muted">{t('usageHint')}</p>
      </Card>
    </>
  );
}
