import { Document, Image, Page, Path, renderToBuffer, Rect, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import { createTranslator } from 'next-intl';
import { depositQrText, type DepositAsset } from '@/lib/domain/billing/deposit-address';
import { amountDue } from '@/lib/domain/billing/invoice';
import { formatDate, formatNumber, formatPercent, formatUsdFromCents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { pdfBaseStyles, registerPdfFont } from '@/lib/pdf/font';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { lineDescription, type LineForText } from './line-text';
import { qrPath } from './qr';

/*
 * An invoice or credit note as a PDF in the customer's language, in the embedded CJK font of
 * lib/pdf/font.ts (as the power bill, lib/power/bill-pdf.tsx): every text a message
 * key (`Billing.Pdf.*`), every figure through lib/format. The lines carry their own amount and tax,
 * so the totals printed are their sums.
 */

const s = StyleSheet.create({
  ...pdfBaseStyles,
  brand: { fontSize: 9, color: '#666', marginBottom: 6 },
  qty: { width: '14%', textAlign: 'right' },
  rate: { width: '16%', textAlign: 'right' },
  tax: { width: '12%', textAlign: 'right' },
  amount: { width: '18%', textAlign: 'right' },
  sum: { flexDirection: 'row', paddingTop: 4 },
  sumLabel: { width: '82%', textAlign: 'right', paddingRight: 8 },
  bold: { fontWeight: 'bold', fontSize: 12 },
  logo: { height: 32, marginBottom: 8, objectFit: 'contain', alignSelf: 'flex-start' },
  deposits: { marginTop: 18, flexDirection: 'row', flexWrap: 'wrap' },
  deposit: { flexDirection: 'row', width: '50%', marginBottom: 8 },
  depositText: { marginLeft: 8, flexShrink: 1, fontSize: 8 },
});

/** What the PDF shows beside the invoice itself: the customer's brand (name, inline logo) and where to pay in crypto. */
export type InvoicePdfExtras = { brandName?: string | null; logo?: string | null; depositAddresses?: { asset: DepositAsset; network: string; address: string }[] };

/**
 * A logo react-pdf can draw without the network: an inline PNG or JPEG (lib/domain/brands/logo.ts
 * also allows WebP and https URLs, which the PDF replaces with the brand's name rather than fetch).
 */
export const pdfLogo = (logo: string | null | undefined) => (logo && /^data:image\/(png|jpeg);base64,/.test(logo) ? logo : null);

function QrSvg({ text, size }: { text: string; size: number }) {
  const { size: n, d } = qrPath(text);
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${n} ${n}`}>
      <Rect x={0} y={0} width={n} height={n} fill="#ffffff" />
      <Path d={d} fill="#000000" />
    </Svg>
  );
}

export type InvoicePdfInput = {
  kind: string;
  number: string | null;
  status: string;
  issueDate: string | null;
  dueDate: string | null;
  periodMonth: string | null;
  customerName: string;
  taxBps: number;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  creditOf: { number: string | null } | null;
  lines: (LineForText & { quantity: string; unitMc: number; amountCents: number; taxCents: number })[];
};

export async function renderInvoicePdf(inv: InvoicePdfInput, locale: Locale, extras: InvoicePdfExtras = {}): Promise<Buffer> {
  const { brandName, depositAddresses = [] } = extras;
  const logo = pdfLogo(extras.logo);
  registerPdfFont();
  const messages = locale === 'zh' ? zh : en;
  const t = createTranslator({ locale, messages, namespace: 'Billing' });
  const tPower = createTranslator({ locale, messages, namespace: 'Power' });
  const usd = (c: number) => formatUsdFromCents(c, locale);
  const day = (d: string | null) => (d ? formatDate(new Date(`${d}T00:00:00Z`), locale) : '—');
  const credit = inv.kind === 'credit_note';
  const meta: [string, string][] = [
    [t('Pdf.number'), inv.number ?? '—'],
    [t('Pdf.customer'), inv.customerName],
    [t('Pdf.issueDate'), day(inv.issueDate)],
    [credit ? t('Pdf.creditOf') : t('Pdf.dueDate'), credit ? (inv.creditOf?.number ?? '—') : day(inv.dueDate)],
    ...(inv.periodMonth ? ([[t('Pdf.period'), inv.periodMonth.slice(0, 7)]] as [string, string][]) : []),
  ];
  const sums: [string, number, boolean][] = [
    [t('Pdf.subtotal'), inv.subtotalCents, false],
    [t('Pdf.tax', { rate: formatPercent(inv.taxBps / 100, locale, { digits: 2 }) }), inv.taxCents, false],
    [t('Pdf.total'), inv.totalCents, true],
    ...(credit ? [] : ([[t('Pdf.paid'), inv.paidCents + inv.creditedCents, false], [t('Pdf.due'), amountDue(inv), true]] as [string, number, boolean][])),
  ];
  const doc = (
    <Document title={`${credit ? t('Pdf.titleCredit') : t('Pdf.title')} ${inv.number ?? ''}`} language={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Page size="A4" style={s.page}>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt; the brand's name follows as text */}
        {logo ? <Image src={logo} style={s.logo} /> : null}
        {brandName ? <Text style={s.brand}>{brandName}</Text> : null}
        <Text style={s.h1}>{credit ? t('Pdf.titleCredit') : t('Pdf.title')}</Text>
        {inv.status === 'draft' && <Text style={s.draft}>{t('Pdf.draft')}</Text>}
        {inv.status === 'void' && <Text style={s.draft}>{t('Pdf.void')}</Text>}
        <View style={s.meta}>
          {meta.map(([k, v]) => (
            <View key={k} style={s.metaCell}>
              <Text style={s.label}>{k}</Text>
              <Text>{v}</Text>
            </View>
          ))}
        </View>
        <View style={s.head}>
          <Text style={s.desc}>{t('Pdf.description')}</Text>
          <Text style={s.qty}>{t('Pdf.quantity')}</Text>
          <Text style={s.rate}>{t('Pdf.unit')}</Text>
          <Text style={s.tax}>{t('Pdf.taxCol')}</Text>
          <Text style={s.amount}>{t('Pdf.amount')}</Text>
        </View>
        {inv.lines.map((l, i) => (
          <View key={i} style={s.row}>
            <Text style={s.desc}>{lineDescription(t, tPower, l)}</Text>
            <Text style={s.qty}>{formatNumber(l.quantity, locale, { digits: 6 })}</Text>
            <Text style={s.rate}>{formatUsdFromCents(l.unitMc / 1000, locale, l.unitMc % 1000 === 0 ? 2 : 5)}</Text>
            <Text style={s.tax}>{usd(l.taxCents)}</Text>
            <Text style={s.amount}>{usd(l.amountCents)}</Text>
          </View>
        ))}
        {sums.map(([label, cents, bold]) => (
          <View key={label} style={[s.sum, bold ? s.bold : {}]}>
            <Text style={s.sumLabel}>{label}</Text>
            <Text style={s.amount}>{usd(cents)}</Text>
          </View>
        ))}
        {!credit && inv.status !== 'void' && amountDue(inv) > 0 && depositAddresses.length ? (
          <View style={s.deposits} wrap={false}>
            <Text style={[s.label, { width: '100%', marginBottom: 4 }]}>{t('deposit.payTo')}</Text>
            {depositAddresses.map((a) => (
              <View key={a.asset} style={s.deposit}>
                <QrSvg text={depositQrText(a.asset, a.address)} size={72} />
                <View style={s.depositText}>
                  <Text>
                    {a.asset} · {t(`deposit.network.${a.network}` as 'deposit.network.mainnet')}
                  </Text>
                  <Text>{a.address}</Text>
                </View>
              </View>
            ))}
          </View>
        ) : null}
        <Text style={s.footer}>{t('Pdf.footer')}</Text>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
