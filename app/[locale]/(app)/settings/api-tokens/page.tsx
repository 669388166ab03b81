import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listApiTokens } from '@/db/queries/api-tokens';
import { requirePage } from '@/lib/auth/guard';
import { pageParamsSchema } from '@/lib/validation/list-params';
import { CreateTokenForm } from './create-token-form';
import { RevokeButton } from './revoke-button';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:settings');
  const { page } = pageParamsSchema.parse(await searchParams);
  const [tokens, t, format] = await Promise.all([listApiTokens(await getDb(), { orgId: actor.orgId, userId: actor.userId }, { page, pageSize: 25 }), getTranslations('ApiTokens'), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card title={t('create')} className="mb-6">
        <CreateTokenForm />
      </Card>
      {tokens.total === 0 ? (
        <EmptyState title={t('empty')} hint={t('emptyHint')} />
      ) : (
        <>
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('name')}</Th>
                <Th>{t('prefix')}</Th>
                <Th>{t('created')}</Th>
                <Th>{t('lastUsed')}</Th>
                <Th>{t('status')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {tokens.rows.map((r) => (
                <tr key={r.id}>
                  <Td>{r.name}</Td>
                  <Td className="font-mono text-xs">{r.prefix}…</Td>
                  <Td>{when(r.createdAt)}</Td>
                  <Td>{when(r.lastUsedAt)}</Td>
                  <Td>{r.revokedAt ? <Badge tone="muted">{t('revoked')}</Badge> : <Badge tone="ok">{t('active')}</Badge>}</Td>
                  <Td className="text-right">{r.revokedAt ? null : <RevokeButton id={r.id} name={r.name} />}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/settings/api-tokens" query={{}} page={tokens.page} pageCount={tokens.pageCount} total={tokens.total} />
        </>
      )}
      <Card title={t('usage')} className="mt-6">
        <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-bg p-3 text-xs">{`curl -X POST ${'<host>'}/api/calculator \\\n  -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \\\n  -d '{"model":"Antminer S21","quantity":10,"electricityUsdPerKwh":0.05}'`}</pre>
        <p className="mt-2 text-xs text-muted">{t('usageHint')}</p>
      </Card>
    </>
  );
}
