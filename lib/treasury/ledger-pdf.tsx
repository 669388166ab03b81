import { Document, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { EntryKind } from '@/lib/domain/treasury/ledger';
import { formatBtcFromSats, formatDateTime, formatNumber, formatUsdFromCents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { pdfBaseStyles, registerPdfFont } from '@/lib/pdf/font';
import { summaryRows, treasuryTranslator } from './ledger-export';
import type { TreasuryReport } from './treasury-report';

/*
 * The treasury as a PDF in either language (embedded CJK font): the summary with the price's as-of
 * and source, the cost basis per month, and the ledger (the newest 500 entries; the workbook has all).
 */

const PDF_LEDGER_ROWS = 500;

const s = StyleSheet.create({
  ...pdfBaseStyles,
  h2: { fontSize: 12, fontWeight: 'bold', marginTop: 12, marginBottom: 4 },
  c1: { width: '22%' },
  c2: { width: '18%' },
  c3: { width: '18%', textAlign: 'right' },
  c4: { width: '20%', textAlign: 'right' },
  c5: { width: '22%', textAlign: 'right' },
  k: { width: '55%' },
  v: { width: '45%', textAlign: 'right' },
});

export async function renderTreasuryPdf(r: TreasuryReport, locale: Locale): Promise<Buffer> {
  registerPdfFont();
  const t = treasuryTranslator(locale);
  const usd = (c: number | null) => (c === null ? '—' : formatUsdFromCents(c, locale));
  const btc = (sats: number | null) => (sats === null ? '—' : formatBtcFromSats(sats, locale));
  const value = (v: string | number) => (typeof v === 'number' ? formatNumber(v, locale, { digits: 8 }) : v);
  const summary = summaryRows(r, t);
  const entries = r.entries.slice(0, PDF_LEDGER_ROWS);
  const doc = (
    <Document title={t('title')} language={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>{t('title')}</Text>
        <Text style={s.label}>{t('col.priceAsOf')}: {`${formatUsdFromCents(r.price.centsPerBtc, locale)} · ${r.price.asOf} · ${r.price.source}${r.price.stale ? ` · ${t('col.stale')}` : ''}`}</Text>
        <Text style={s.h2}>{t('sheet.summary')}</Text>
        {summary.slice(4).map(([k, v]) => (
          <View key={k} style={s.row}>
            <Text style={s.k}>{k}</Text>
            <Text style={s.v}>{value(v)}</Text>
          </View>
        ))}
        <Text style={s.h2}>{t('sheet.costBasis')}</Text>
        <View style={s.head}>
          <Text style={s.c1}>{t('month')}</Text>
          <Text style={s.c2}>{t('energy')}</Text>
          <Text style={s.c3}>{t('opexHeader')}</Text>
          <Text style={s.c4}>{t('produced')}</Text>
          <Text style={s.c5}>{t('costPerBtc')}</Text>
        </View>
        {r.position.months.map((m) => (
          <View key={m.month} style={s.row} wrap={false}>
            <Text style={s.c1}>{m.month}</Text>
            <Text style={s.c2}>{usd(m.energyCents)}</Text>
            <Text style={s.c3}>{usd(m.opexCents)}</Text>
            <Text style={s.c4}>{btc(m.producedSats)}</Text>
            <Text style={s.c5}>{usd(m.costCentsPerBtc)}</Text>
          </View>
        ))}
        <Text style={s.h2}>{t('sheet.ledger')}</Text>
        <View style={s.head}>
          <Text style={s.c1}>{t('date')}</Text>
          <Text style={s.c2}>{t('kindHeader')}</Text>
          <Text style={s.c3}>{t('walletHeader')}</Text>
          <Text style={s.c4}>BTC</Text>
          <Text style={s.c5}>{t('cashHeader')}</Text>
        </View>
        {entries.map((e) => (
          <View key={e.id} style={s.row} wrap={false}>
            <Text style={s.c1}>{formatDateTime(e.occurredAt, locale)}</Text>
            <Text style={s.c2}>{`${t(`kind.${e.kind as EntryKind}`)}${e.reversedBy !== null ? ` (${t('reversed')})` : ''}`}</Text>
            <Text style={s.c3}>{e.wallet ?? '—'}</Text>
            <Text style={s.c4}>{e.sats ? btc(e.sats) : '—'}</Text>
            <Text style={s.c5}>{e.cashCents ? usd(e.cashCents) : '—'}</Text>
          </View>
        ))}
        {r.entries.length > entries.length ? <Text style={s.label}>{t('col.pdfCut', { shown: entries.length, total: r.entries.length })}</Text> : null}
        <Text style={s.footer} fixed>
          {t('col.footer', { at: formatDateTime(r.now, locale) })}
        </Text>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
