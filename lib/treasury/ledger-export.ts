import { createTranslator } from 'next-intl';
import type { EntryKind } from '@/lib/domain/treasury/ledger';
import { averageCostCentsPerBtc } from '@/lib/domain/treasury/lots';
import type { Locale } from '@/lib/i18n/routing';
import { type SheetRecord, sheetsToXlsx } from '@/lib/spreadsheet/write';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { TreasuryReport } from './treasury-report';

/*
 * The treasury as a workbook: summary (with the price's as-of and source), the whole ledger, the
 * cost basis per month and the lots held. Headers in the user's language; USD as numbers (cents ÷
 * 100), BTC as numbers (sats ÷ 10⁸); a missing figure is an empty cell, never 0.
 */

export const treasuryTranslator = (locale: Locale) => createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'Treasury' });

const usd = (cents: number | null) => (cents === null ? '' : cents / 100);
const btc = (sats: number | null) => (sats === null ? '' : sats / 1e8);

export function summaryRows(r: TreasuryReport, t: ReturnType<typeof treasuryTranslator>): Array<[string, string | number]> {
  const lots = r.method === 'average' ? r.position.average : r.position.fifo;
  return [
    [t('col.asOf'), r.now.toISOString()],
    [t('col.method'), t(`methods.${r.method}`)],
    [t('col.price'), usd(r.price.centsPerBtc)],
    [t('col.priceAsOf'), `${r.price.asOf} · ${r.price.source}${r.price.stale ? ` · ${t('col.stale')}` : ''}`],
    [t('holdings'), btc(r.position.holdingsSats)],
    [t('col.value'), usd(r.summary.valueCents)],
    [t('cash'), usd(r.position.cashCents)],
    [t('averageCost'), usd(averageCostCentsPerBtc(lots))],
    [t('col.costHeld'), usd(lots.costCents)],
    [t('col.unknownCostBtc'), btc(lots.unknownCostSats)],
    [t('unrealised'), usd(r.summary.unrealisedPnlCents)],
    [t('realised'), usd(r.summary.realisedPnlCents)],
    [t('monthlyOpex'), usd(r.position.monthlyOpexCents)],
    [t('runway'), r.summary.runwayMonths ?? ''],
    [t('toSell', { months: r.settings.coverMonths }), btc(r.summary.cover?.satsToSell ?? null)],
  ];
}

export async function treasuryXlsx(r: TreasuryReport, locale: Locale): Promise<ArrayBuffer> {
  const t = treasuryTranslator(locale);
  const summary: SheetRecord[] = summaryRows(r, t).map(([k, v]) => ({ [t('col.figure')]: k, [t('col.amount')]: v }));
  const ledger: SheetRecord[] = r.entries.map((e) => ({
    [t('col.id')]: e.id,
    [t('date')]: e.occurredAt.toISOString(),
    [t('kindHeader')]: t(`kind.${e.kind as EntryKind}`),
    [t('col.reverses')]: e.reversesId ?? '',
    [t('col.reversedBy')]: e.reversedBy ?? '',
    [t('walletHeader')]: e.wallet ?? '',
    [t('col.toWallet')]: e.toWallet ?? '',
    BTC: btc(e.sats),
    [t('col.feeBtc')]: btc(e.feeSats),
    [t('col.priceUsd')]: usd(e.priceCentsPerBtc),
    [t('col.grossUsd')]: usd(e.grossCents),
    [t('col.feeUsd')]: usd(e.feeCents),
    [t('col.cashUsd')]: usd(e.cashCents),
    [t('col.txHash')]: e.txHash ?? '',
    [t('col.note')]: e.note ?? '',
  }));
  const months: SheetRecord[] = r.position.months.map((m) => ({
    [t('month')]: m.month,
    [t('col.energyUsd')]: usd(m.energyCents),
    [t('col.opexUsd')]: usd(m.opexCents),
    [t('col.totalUsd')]: usd(m.totalCents),
    [t('col.producedBtc')]: btc(m.producedSats),
    [t('col.costPerBtcUsd')]: usd(m.costCentsPerBtc),
  }));
  const lots = (r.method === 'average' ? r.position.average : r.position.fifo).lots.map((l) => ({
    [t('col.acquired')]: l.acquiredAt.toISOString().slice(0, 10),
    [t('col.entry')]: l.entryId,
    BTC: btc(l.sats),
    [t('col.costUsd')]: usd(l.costCents),
  }));
  return sheetsToXlsx([
    { name: t('sheet.summary'), records: summary },
    { name: t('sheet.ledger'), records: ledger },
    { name: t('sheet.costBasis'), records: months },
    { name: t('sheet.lots'), records: lots },
  ]);
}
