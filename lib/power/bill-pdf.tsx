import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createTranslator } from 'next-intl';
import type { BillLine } from '@/lib/domain/power/bill';
import { formatDate, formatEnergy, formatNumber, formatPercent, formatUsd, formatUsdFromCents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/*
 * A customer's monthly power bill as a PDF, in either language. Chinese needs CJK glyphs the PDF
 * standard fonts lack: Noto Sans SC (OFL, @embedpdf/fonts-sc) is embedded, subset to the characters
 * used, so a bill stays tens of kilobytes. Every text is a message key; every figure goes through
 * lib/format.
 */

const FONT = 'NotoSansSC';
let registered = false;
/**
 * Where the font files are. A bundler rewrites `require.resolve` into its own virtual path
 * ('[project]/node_modules/…', which `next dev` then failed to open: every bill PDF was a 500), so
 * the server looks in node_modules under its working directory — where `next start` and `next dev`
 * run — and plain Node (tests, scripts) falls back to its own resolution.
 */
function fontDir(): string {
  // Joined as an array, not with path.join: Turbopack rewrites a path.join of process.cwd() too.
  const fromCwd = [process.cwd(), 'node_modules', '@embedpdf', 'fonts-sc', 'fonts', ''].join(path.sep);
  if (existsSync(`${fromCwd}NotoSansHans-Regular.otf`)) return fromCwd;
  const require = createRequire(import.meta.url);
  // The package exports only its index (dist/); the fonts sit beside it in fonts/.
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts') + path.sep;
}

function registerFont() {
  if (registered) return;
  const dir = fontDir();
  Font.register({ family: FONT, fonts: [{ src: `${dir}NotoSansHans-Regular.otf` }, { src: `${dir}NotoSansHans-Bold.otf`, fontWeight: 'bold' }] });
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 10, padding: 40, color: '#111' },
  h1: { fontSize: 18, fontWeight: 'bold', marginBottom: 4 },
  draft: { color: '#b45309', fontWeight: 'bold', marginBottom: 8 },
  meta: { flexDirection: 'row', flexWrap: 'wrap', marginBottom: 16 },
  metaCell: { width: '50%', marginBottom: 4 },
  label: { color: '#666', fontSize: 8 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ddd', paddingVertical: 4 },
  head: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#111', paddingBottom: 4, fontWeight: 'bold' },
  desc: { width: '40%' },
  qty: { width: '25%', textAlign: 'right' },
  rate: { width: '17%', textAlign: 'right' },
  amount: { width: '18%', textAlign: 'right' },
  total: { flexDirection: 'row', paddingTop: 8, fontWeight: 'bold', fontSize: 12 },
  footer: { position: 'absolute', bottom: 30, left: 40, right: 40, fontSize: 7, color: '#666' },
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
  registerFont();
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
