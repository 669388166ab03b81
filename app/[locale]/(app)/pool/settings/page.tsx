import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPoolAccounts } from '@/db/queries/pool/accounts';
import { requirePage } from '@/lib/auth/guard';
import { env } from '@/lib/env';
import { pageTitle } from '@/lib/i18n/page-title';
import { AccountActions } from './_components/account-actions';
import { AccountForm } from './_components/account-form';
import { TestButton } from './_components/test-button';

export const generateMetadata = pageTitle('poolSettings');

/** Antpool accounts: keys shown, secrets only as "stored". */
export default async function PoolSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'pool:settings', 'FULL');
  const db = await getDb();
  const [t, f, accounts] = await Promise.all([getTranslations('Pool'), getFormatter(), listPoolAccounts(db, actor.orgId)]);
  const parents = accounts.filter((a) => !a.parentId).map((a) => ({ id: a.id, label: a.label }));
  return (
    <>
      <PageHeader title={t('settingsTitle')} subtitle={t('baseUrl', { url: env().antpool.baseUrl })} />
      {accounts.length === 0 ? (
        <EmptyState title={t('noAccounts')} hint={t('noAccountsHint')} />
      ) : (
        <DataTable
          label={t('accounts')}
          rows={accounts}
          rowKey={(a) => a.id}
          columns={[
            {
              key: 'label',
              header: t('label'),
              cell: (a) => (
                <>
                  {a.parentId ? '↳ ' : ''}
                  {a.label}
                  {a.enabled ? null : (
                    <>
                      {' '}
                      <Badge tone="muted">{t('disabledBadge')}</Badge>
                    </>
                  )}
                </>
              ),
            },
            { key: 'userId', header: t('userId'), cellClassName: 'font-mono text-xs', cell: (a) => a.userId },
            { key: 'apiKey', header: t('apiKey'), cellClassName: 'font-mono text-xs', cell: (a) => a.apiKey ?? t('parentKey') },
            { key: 'secret', header: t('apiSecret'), cell: (a) => (a.hasSecret ? <Badge tone="ok">{t('stored')}</Badge> : <Badge tone="muted">—</Badge>) },
            {
              key: 'lastTest',
              header: t('lastTest'),
              cellClassName: 'text-xs',
              cell: (a) =>
                a.lastTestAt ? (
                  <>
                    <Badge tone={a.lastTestOk ? 'ok' : 'bad'}>{a.lastTestOk ? t('testOk') : t('testFailed', { reason: a.lastTestMessage ?? '' })}</Badge> {f.relativeTime(a.lastTestAt)}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              key: 'actions',
              cell: (a) => (
                <div className="flex flex-wrap gap-2">
                  <TestButton id={a.id} />
                  <AccountActions account={{ id: a.id, label: a.label, userId: a.userId, parentId: a.parentId, apiKey: a.apiKey, hasSecret: a.hasSecret, workerPattern: a.workerPattern }} enabled={a.enabled} parents={parents} />
                </div>
              ),
            },
          ]}
        />
      )}
      <Card title={t('addAccount')} className="mt-6">
        <AccountForm parents={parents} />
      </Card>
    </>
  );
}
