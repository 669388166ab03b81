import { Document, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createTranslator } from 'next-intl';
import type { BillLine } from '@/lib/domain/power/bill';
import { formatDate, formatEnergy, formatNumber, formatPercent, formatUsd, formatUsdFromCents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { pdfBaseStyles, registerPdfFont } from '@/lib/pdf/font';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/*
 * A customer's monthly power bill as a PDF, in either language, in the embedded CJK font of
 * lib/pdf/font.ts. Every text is a message key; every figure goes through lib/format.
 */

const s = StyleSheet.create({
  ...pdfBaseStyles,
  qty: { width: '25%', textAlign: 'right' },
  rate: { width: '17%', textAlign: 'right' },
  amount: { width: '18%', textAlign: 'right' },
  total: { flexDirection: 'row', paddingTop: 8, fontWeight: 'bold', fontSize: 12 },
});

export type BillPdfInput = {
  number: string | null;
  status: string;
  month: string;
  issuedAt: Date | null;
  customerName: string;
  siteName: string;
  timeZone: string;
  energyWh: number;
  totalCents: number;
  lines: BillLine[];
};

export async function renderBillPdf(bill: BillPdfInput, locale: Locale): Promise<Buffer> {
  registerPdfFont();
  const t = createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'Power' });
  const usdPerKwh = (mc: number) => formatUsd(mc / 100_000, locale, 5);
  const line = (l: BillLine): [string, string, string, number] => {
    switch (l.kind) {
      case 'energy':
        return [t('Bill.energyLine', { window: t(`window.${l.window}`) }), formatEnergy(l.wh, locale), t('Bill.perKwh', { rate: usdPerKwh(l.rateMcPerKwh) }), l.cents];
      case 'demand':
        return [t('Bill.demandLine', { hours: l.hours, monthHours: l.monthHours }), t('Bill.demandQty', { kw: formatNumber(l.partyW / 1000, locale, { digits: 2 }) }), t('Bill.perKw', { rate: formatUsdFromCents(l.rateCentsPerKw, locale) }), l.cents];
      case 'fixed':
        return [t('Bill.fixedLine'), t('Bill.fixedQty', { share: formatPercent(l.siteWh ? (l.partyWh / l.siteWh) * 100 : 100, locale) }), t('Bill.perMonth', { rate: formatUsdFromCents(l.monthlyCents, locale) }), l.cents];
      case 'hosting':
        switch (l.fee) {
          case 'monthly':
            return [t('Bill.hostingMonthly'), t('Bill.oneMonth'), t('Bill.perMonth', { rate: formatUsdFromCents(l.rate ?? 0, locale) }), l.cents];
          case 'per_miner':
            return [t('Bill.hostingPerMiner'), t('Bill.minersQty', { count: l.quantity ?? 0 }), t('Bill.perMinerMonth', { rate: formatUsdFromCents(l.rate ?? 0, locale) }), l.cents];
          case 'per_kwh':
            return [t('Bill.hostingPerKwh'), formatEnergy(l.quantity ?? 0, locale), t('Bill.perKwh', { rate: usdPerKwh(l.rate ?? 0) }), l.cents];
          default:
            // Drafted before fees were stored: a lump sum.
            return [t('Bill.hostingLine'), '', '', l.cents];
        }
    }
  };
  const meta: [string, string][] = [
    [t('Bill.number'), bill.number ?? '—'],
    [t('Bill.period'), bill.month.slice(0, 7)],
    [t('Bill.customer'), bill.customerName],
    [t('Bill.site'), bill.siteName],
    [t('Bill.issuedAt'), bill.issuedAt ? formatDate(bill.issuedAt, locale, bill.timeZone) : '—'],
    [t('Bill.energyTotal'), formatEnergy(bill.energyWh, locale)],
  ];
  const doc = (
    <Document title={`${t('Bill.title')} ${bill.number ?? ''}`} language={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>{t('Bill.title')}</Text>
        {bill.status !== 'issued' && <Text style={s.draft}>{t('Bill.draft')}</Text>}
        <View style={s.meta}>
          {meta.map(([k, v]) => (
            <View key={k} style={s.metaCell}>
              <Text style={s.label}>{k}</Text>
              <Text>{v}</Text>
            </View>
          ))}
        </View>
        <View style={s.head}>
          <Text style={s.desc}>{t('Bill.description')}</Text>
          <Text style={s.qty}>{t('Bill.quantity')}</Text>
          <Text style={s.rate}>{t('Bill.rate')}</Text>
          <Text style={s.amount}>{t('Bill.amount')}</Text>
        </View>
        {bill.lines.map(line).map(([d, q, r, cents], i) => (
          <View key={i} style={s.row}>
            <Text style={s.desc}>{d}</Text>
            <Text style={s.qty}>{q}</Text>
            <Text style={s.rate}>{r}</Text>
            <Text style={s.amount}>{formatUsdFromCents(cents, locale)}</Text>
          </View>
        ))}
        <View style={s.total}>
          <Text style={{ width: '82%' }}>{t('Bill.total')}</Text>
          <Text style={s.amount}>{formatUsdFromCents(bill.totalCents, locale)}</Text>
        </View>
        <Text style={s.footer}>{t('Bill.footer', { timeZone: bill.timeZone })}</Text>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
