import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listPoolAccounts } from '@/db/queries/pool-accounts';
import { requirePage } from '@/lib/auth/guard';
import { env } from '@/lib/env';
import { AccountActions } from './_components/account-actions';
import { AccountForm } from './_components/account-form';
import { TestButton } from './_components/test-button';

export const metadata: Metadata = { title: 'Pool settings' };

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
        <Table label={t('accounts')}>
          <thead>
            <tr>
              <Th>{t('label')}</Th>
              <Th>{t('userId')}</Th>
              <Th>{t('apiKey')}</Th>
              <Th>{t('apiSecret')}</Th>
              <Th>{t('lastTest')}</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <Td>
                  {a.parentId ? '↳ ' : ''}
                  {a.label}
                  {a.enabled ? null : (
                    <>
                      {' '}
                      <Badge tone="muted">{t('disabledBadge')}</Badge>
                    </>
                  )}
                </Td>
                <Td className="font-mono text-xs">{a.userId}</Td>
                <Td className="font-mono text-xs">{a.apiKey ?? t('parentKey')}</Td>
                <Td>{a.hasSecret ? <Badge tone="ok">{t('stored')}</Badge> : <Badge tone="muted">—</Badge>}</Td>
                <Td className="text-xs">
                  {a.lastTestAt ? (
                    <>
                      <Badge tone={a.lastTestOk ? 'ok' : 'bad'}>{a.lastTestOk ? t('testOk') : t('testFailed', { reason: a.lastTestMessage ?? '' })}</Badge> {f.relativeTime(a.lastTestAt)}
                    </>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-2">
                    <TestButton id={a.id} />
                    <AccountActions account={{ id: a.id, label: a.label, userId: a.userId, parentId: a.parentId, apiKey: a.apiKey, hasSecret: a.hasSecret, workerPattern: a.workerPattern }} enabled={a.enabled} parents={parents} />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card title={t('addAccount')} className="mt-6">
        <AccountForm parents={parents} />
      </Card>
    </>
  );
}
