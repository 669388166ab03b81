import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { web3Config } from '@/db/queries/web3/config';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { StoredEntry } from './_components/stored-entry';
import { Web3Wizard } from './_components/web3-wizard';

export const generateMetadata = pageTitle('web3');

/**
 * Payout addresses, watch-only wallets and exchange keys of the organization, and the wizard that
 * adds them. Exchange keys are listed by their mask only (db/queries/web3/config.ts selects no sealed column).
 */
export default async function Web3Page({ params }: { params: Promise<{ locale: string }> }) {
  const actor = await requirePage((await params).locale, 'web3:blockchain_verify', 'FULL');
  const [config, t, format] = await Promise.all([web3Config(await getDb(), actor.orgId), getTranslations('Web3'), getFormatter()]);
  const empty = !config.addresses.length && !config.wallets.length && !config.exchangeKeys.length;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Web3Wizard />
        <section className="flex flex-col gap-3" aria-labelledby="web3-stored">
          <h2 id="web3-stored" className="font-semibold">
            {t('stored')}
          </h2>
          {empty ? <EmptyState title={t('emptyTitle')} hint={t('emptyBody')} /> : null}
          {config.addresses.map((a) => (
            <StoredEntry key={a.id} kind="address" id={a.id} title={`${a.asset} · ${a.label}`} detail={`${a.address} · ${a.asset === 'BTC' ? t(`network_${a.network}`) : 'EVM'} · ${a.kind}`} />
          ))}
          {config.wallets.map((w) => (
            <StoredEntry key={w.id} kind="wallet" id={w.id} title={`${t('xpub')} · ${w.label}`} detail={`${w.kind} · ${t(`network_${w.network}`)} · ${w.extendedKey.slice(0, 12)}…${w.extendedKey.slice(-6)}`} />
          ))}
          {config.exchangeKeys.map((k) => (
            <StoredEntry
              key={k.id}
              kind="exchange"
              id={k.id}
              title={`${t(`exchange_${k.exchange}`)} · ${k.label}`}
              detail={`${k.keyHint} · ${k.lastTestedAt ? `${k.lastTestOk ? t('lastTestOk') : t('lastTestFailed')} ${format.dateTime(k.lastTestedAt, { dateStyle: 'medium', timeStyle: 'short' })}` : t('notTested')}`}
            />
          ))}
        </section>
      </div>
    </>
  );
}
