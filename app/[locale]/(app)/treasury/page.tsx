import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MonthBars } from '@/components/charts/month-bars';
import { FigureCard } from '@/components/list/figure-card';
import { ListTable } from '@/components/list/list-table';
import { Freshness } from '@/components/market/freshness';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listLedger, listWallets } from '@/db/queries/treasury/ledger';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { getTreasurySettings } from '@/db/queries/treasury/writes';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { usdToCents } from '@/lib/domain/treasury/ledger';
import { averageCostCentsPerBtc } from '@/lib/domain/treasury/lots';
import { treasurySummary } from '@/lib/domain/treasury/summary';
import { formatBtcFromSats, formatDate, formatDateTime, formatNumber, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { treasuryPageSchema } from '@/lib/validation/treasury';
import { EntryDialog } from './_components/entry-dialog';
import { ImportButton } from './_components/import-button';
import { OpexDialog } from './_components/opex-dialog';
import { ReverseButton } from './_components/reverse-button';
import { SettingsDialog } from './_components/settings-dialog';
import { WalletDialog } from './_components/wallet-dialog';

export const generateMetadata = pageTitle('treasury');

const pathname = '/treasury';

/**
 * The organization's BTC and cash: holdings at the market price (with its as-of and source), cost
 * basis per month, lots, runway and the ledger. Every figure comes from getTreasuryPosition, which
 * rebuilds it from the ledger; the arithmetic is lib/domain/treasury's.
 */
export default async function TreasuryPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'treasury:ledger');
  const writes = can(actor.role, 'treasury:ledger', 'FULL');
  const { params: q, query } = parseListPage(treasuryPageSchema, await searchParams);
  const db = await getDb();
  const now = new Date();
  const [t, tk, position, ledger, wallets, settings, market] = await Promise.all([
    getTranslations('Treasury'),
    getTranslations('Treasury.kind'),
    getTreasuryPosition(db, actor.scope, now),
    listLedger(db, actor.scope, q),
    listWallets(db, actor.scope),
    getTreasurySettings(db, actor.scope),
    getCurrentNetwork(),
  ]);
  const price = usdToCents(market.btcPriceUsd);
  const lots = q.method === 'average' ? position.average : position.fifo;
  const s = treasurySummary(position, lots, price, settings);
  const usd = (c: number | null) => (c === null ? '—' : formatUsdFromCents(c, locale));
  const btc = (sats: number | null) => (sats === null ? '—' : formatBtcFromSats(sats, locale));
  const walletOptions = wallets.map((w) => ({ id: w.id, name: w.label }));
  const walletName = new Map(wallets.map((w) => [w.id, w.label]));
  const currentMonth = now.toISOString().slice(0, 7);
  const chart = position.months.filter((m) => m.costCentsPerBtc !== null).map((m) => ({ month: m.month, cost: m.costCentsPerBtc! / 100 }));
  const methodLink = (m: 'fifo' | 'average') => `?${new URLSearchParams({ ...query, method: m }).toString()}`;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          writes ? (
            <div className="flex flex-wrap gap-2">
              <EntryDialog wallets={walletOptions} />
              <WalletDialog />
              <OpexDialog month={currentMonth} />
              <ImportButton />
              <SettingsDialog wallets={walletOptions} settings={settings} />
            </div>
          ) : null
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted">{t('priceLabel', { price: formatUsdFromCents(price, locale, 0) })}</span>
        <Freshness snapshot={market} locale={locale} now={now} />
      </div>
      {s.runwayAlert ? (
        <div role="alert" className="mb-4 rounded-lg border border-bad/60 bg-bad/10 p-3 text-sm" data-testid="runway-alert">
          {t('runwayAlert', { months: formatNumber(s.runwayMonths, locale, { digits: 2 }), threshold: settings.runwayAlertMonths })}
        </div>
      ) : null}
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('holdings')} value={btc(position.holdingsSats)} hint={t('worth', { value: usd(s.valueCents) })} />
        <StatCard label={t('cash')} value={usd(position.cashCents)} />
        <StatCard label={t('averageCost')} value={usd(averageCostCentsPerBtc(lots))} hint={position.fifo.unknownCostSats || position.average.unknownCostSats ? t('unknownCost', { btc: btc(lots.unknownCostSats) }) : t('perBtc')} />
        <StatCard label={t('unrealised')} value={usd(s.unrealisedPnlCents)} tone={s.unrealisedPnlCents === null ? undefined : s.unrealisedPnlCents >= 0 ? 'ok' : 'bad'} />
        <StatCard label={t('realised')} value={usd(s.realisedPnlCents)} hint={t('proceeds', { value: usd(lots.realisedProceedsCents) })} />
        <StatCard label={t('monthlyOpex')} value={usd(position.monthlyOpexCents)} hint={position.opexMonths.length ? t('opexOver', { months: position.opexMonths.join(', ') }) : t('noCosts')} />
        <StatCard label={t('runway')} value={s.runwayMonths === null ? '—' : t('months', { n: formatNumber(s.runwayMonths, locale, { digits: 2 }) })} tone={s.runwayAlert ? 'bad' : undefined} hint={t('runwayHint')} />
        <StatCard
          label={t('toSell', { months: settings.coverMonths })}
          value={s.cover?.satsToSell == null ? '—' : btc(s.cover.satsToSell)}
          hint={s.cover ? t('shortfall', { value: usd(s.cover.shortfallCents) }) : t('noCosts')}
        />
      </div>
      <div className="mb-2 flex gap-2 text-sm" role="group" aria-label={t('method')}>
        {(['fifo', 'average'] as const).map((m) => (
          <a key={m} href={methodLink(m)} aria-current={q.method === m ? 'true' : undefined} className={buttonClass(q.method === m ? 'primary' : 'ghost', 'px-3 py-1')}>
            {t(`methods.${m}`)}
          </a>
        ))}
        <span className="ml-auto flex gap-2">
          {(['xlsx', 'pdf'] as const).map((f) => (
            <a key={f} className={buttonClass('ghost', 'px-3 py-1')} href={`/api/treasury/export?format=${f}&locale=${locale}&method=${q.method}`}>
              {t(`export.${f}`)}
            </a>
          ))}
        </span>
      </div>
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title={t('costChart')}>
          <MonthBars data={chart} xKey="month" unit="usd" series={[{ key: 'cost', label: t('costPerBtc'), color: '#f7931a' }]} emptyLabel={t('noCostMonths')} />
        </Card>
        <Card title={t('costTable')}>
          {position.months.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-sm tabular-nums">
                <thead className="text-left text-xs text-muted">
                  <tr>
                    <th className="py-1 pr-2">{t('month')}</th>
                    <th className="py-1 pr-2 text-right">{t('energy')}</th>
                    <th className="py-1 pr-2 text-right">{t('opexHeader')}</th>
                    <th className="py-1 pr-2 text-right">{t('produced')}</th>
                    <th className="py-1 text-right">{t('costPerBtc')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...position.months].reverse().map((m) => (
                    <tr key={m.month} className="border-t border-line">
                      <td className="py-1 pr-2">{m.month}</td>
                      <td className="py-1 pr-2 text-right">{usd(m.energyCents)}</td>
                      <td className="py-1 pr-2 text-right">{usd(m.opexCents)}</td>
                      <td className="py-1 pr-2 text-right">{btc(m.producedSats)}</td>
                      <td className="py-1 text-right">{usd(m.costCentsPerBtc)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState title={t('noCostMonths')} hint={t('noCostHint')} />
          )}
        </Card>
      </div>
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title={t('lotsTitle', { method: t(`methods.${q.method}`) })}>
          {lots.lots.length ? (
            <ul className="divide-y divide-line text-sm tabular-nums">
              {lots.lots.map((l, i) => (
                <li key={`${l.entryId}-${i}`} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span>{q.method === 'fifo' ? formatDate(l.acquiredAt, locale) : t(l.costCents === null ? 'poolUnknown' : 'pool')}</span>
                  <span>{btc(l.sats)}</span>
                  <span className="text-muted">{l.costCents === null ? t('costUnknown') : usd(l.costCents)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('noLots')} />
          )}
        </Card>
        <Card title={t('walletsTitle')}>
          {wallets.length ? (
            <ul className="divide-y divide-line text-sm tabular-nums">
              {wallets.map((w) => (
                <li key={w.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span>
                    {w.label} <Badge>{t(`walletKind.${w.kind}`)}</Badge>
                  </span>
                  <span>{btc(position.byWallet[w.id] ?? 0)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('noWallets')} hint={t('noWalletsHint')} />
          )}
        </Card>
      </div>
      <h2 className="mb-2 text-sm font-semibold text-muted">{t('ledgerTitle')}</h2>
      <ListTable
        pathname={pathname}
        query={query}
        page={ledger}
        keep={['method']}
        empty={{ title: t('noEntries'), hint: t('noEntriesHint') }}
        label={t('ledgerTitle')}
        rowKey={(r) => String(r.id)}
        columns={[
          { key: 'at', header: t('date'), cell: (r) => formatDateTime(r.occurredAt, locale) },
          { key: 'kind', header: t('kindHeader'), cell: (r) => <KindCell kind={tk(r.kind)} reversed={r.reversedBy !== null} reverses={r.reversesId} t={t} /> },
          { key: 'wallet', header: t('wallet'), cell: (r) => (r.toWalletId ? `${r.wallet ?? '—'} → ${r.toWallet ?? walletName.get(r.toWalletId) ?? '—'}` : (r.wallet ?? '—')) },
          { key: 'btc', header: 'BTC', figure: true, cell: (r) => (r.sats ? formatBtcFromSats(r.sats, locale, { unit: false }) : '—') },
          { key: 'cash', header: t('cashHeader'), figure: true, cell: (r) => (r.cashCents ? usd(r.cashCents) : '—') },
          { key: 'ref', header: t('reference'), cellClassName: 'max-w-40 truncate font-mono text-xs', cell: (r) => <span title={r.txHash ?? r.note ?? undefined}>{r.txHash ? `${r.txHash.slice(0, 10)}…` : (r.note ?? '')}</span> },
          ...(writes ? [{ key: 'act', header: '', cell: (r: (typeof ledger.rows)[number]) => (r.kind !== 'reversal' && r.reversedBy === null ? <ReverseButton entryId={r.id} /> : null) }] : []),
        ]}
        card={(r) => (
          <FigureCard
            title={formatDateTime(r.occurredAt, locale)}
            badge={<KindCell kind={tk(r.kind)} reversed={r.reversedBy !== null} reverses={r.reversesId} t={t} />}
            figures={[
              { label: t('wallet'), value: r.toWalletId ? `${r.wallet ?? '—'} → ${r.toWallet ?? '—'}` : (r.wallet ?? '—') },
              r.sats > 0 && { label: 'BTC', value: formatBtcFromSats(r.sats, locale, { unit: false }) },
              r.cashCents !== 0 && { label: t('cashHeader'), value: usd(r.cashCents) },
            ]}
            footer={writes && r.kind !== 'reversal' && r.reversedBy === null ? <ReverseButton entryId={r.id} /> : undefined}
          />
        )}
      />
    </>
  );
}

function KindCell({ kind, reversed, reverses, t }: { kind: string; reversed: boolean; reverses: number | null; t: (k: string, v?: Record<string, string | number>) => string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={reversed ? 'line-through text-muted' : ''}>{kind}</span>
      {reversed ? <Badge tone="warn">{t('reversed')}</Badge> : null}
      {reverses !== null ? <span className="text-xs text-muted">#{reverses}</span> : null}
    </span>
  );
}
