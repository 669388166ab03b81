import { Document, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatBtcFromSats, formatNumber, formatPercent, formatUsdFromCents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { pdfBaseStyles, registerPdfFont } from '@/lib/pdf/font';
import { assumptionLines, exportTranslator } from './backtest-export';
import type { BacktestResult } from './backtest-run';

/*
 * A backtest as a PDF in either language (embedded CJK font): the comparison table, the formulas
 * of its ratios, and the assumptions. Every text is a message key; every figure goes through lib/format.
 */

const s = StyleSheet.create({
  ...pdfBaseStyles,
  page: { ...pdfBaseStyles.page, fontSize: 8 },
  name: { width: '16%' },
  cell: { width: '12%', textAlign: 'right' },
  note: { marginTop: 10, color: '#444' },
  pair: { flexDirection: 'row', marginBottom: 2 },
  key: { width: '25%', color: '#666' },
  val: { width: '75%' },
});

export async function renderBacktestPdf(r: BacktestResult, locale: Locale): Promise<Buffer> {
  registerPdfFont();
  const t = exportTranslator(locale);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v * 100, locale));
  const ratio = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, { digits: 2 }));
  const cols = [t('col.totalReturnPct'), t('col.maxDrawdownPct'), t('col.sharpe'), t('col.sortino'), t('col.avgSell'), t('col.soldBtc'), t('col.finalEquity')];
  return renderToBuffer(
    <Document title={t('title')}>
      <Page size="A4" orientation="landscape" style={s.page}>
        <Text style={s.h1}>{t('title')}</Text>
        <Text style={{ marginBottom: 8 }}>{t('pdfSubtitle', { from: r.query.from, to: r.query.to, twap: r.twapCentsPerBtc === null ? '—' : formatUsdFromCents(r.twapCentsPerBtc, locale) })}</Text>
        <View style={s.head}>
          <Text style={s.name}>{t('col.strategy')}</Text>
          {cols.map((c) => (
            <Text key={c} style={s.cell}>
              {c}
            </Text>
          ))}
        </View>
        {r.runs.map((run) => (
          <View key={run.params.kind} style={s.row} wrap={false}>
            <Text style={s.name}>{t(`kind.${run.params.kind}`)}</Text>
            <Text style={s.cell}>{pct(run.metrics.totalReturn)}</Text>
            <Text style={s.cell}>{pct(run.metrics.maxDrawdown)}</Text>
            <Text style={s.cell}>{ratio(run.metrics.sharpe)}</Text>
            <Text style={s.cell}>{ratio(run.metrics.sortino)}</Text>
            <Text style={s.cell}>{run.avgSellCentsPerBtc === null ? '—' : formatUsdFromCents(run.avgSellCentsPerBtc, locale)}</Text>
            <Text style={s.cell}>{formatBtcFromSats(run.soldSats, locale)}</Text>
            <Text style={s.cell}>{formatUsdFromCents(run.equityCents.at(-1) ?? 0, locale)}</Text>
          </View>
        ))}
        <Text style={s.note}>{t('formulas.sharpe')}</Text>
        <Text>{t('formulas.sortino')}</Text>
        <Text>{t('formulas.drawdown')}</Text>
        <Text>{t('formulas.return')}</Text>
        <Text style={{ marginBottom: 8 }}>{t('ratiosNote')}</Text>
        {assumptionLines(r, locale).map(([k, v]) => (
          <View key={k} style={s.pair} wrap={false}>
            <Text style={s.key}>{k}</Text>
            <Text style={s.val}>{v}</Text>
          </View>
        ))}
      </Page>
    </Document>,
  );
}
