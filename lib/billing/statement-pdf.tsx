import { Document, Image, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createTranslator } from 'next-intl';
import type { Statement } from '@/lib/domain/billing/statement';
import { formatDate, formatUsdFromCents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { pdfBaseStyles, registerPdfFont } from '@/lib/pdf/font';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { pdfLogo } from './invoice-pdf';

/* A customer statement as a PDF in the customer's language (the invoice PDF's font and styles). */

const s = StyleSheet.create({
  ...pdfBaseStyles,
  brand: { fontSize: 9, color: '#666', marginBottom: 6 },
  logo: { height: 32, marginBottom: 8, objectFit: 'contain', alignSelf: 'flex-start' },
  date: { width: '18%' },
  kind: { width: '22%' },
  ref: { width: '24%' },
  amount: { width: '18%', textAlign: 'right' },
  sum: { flexDirection: 'row', paddingTop: 4 },
  sumLabel: { width: '82%', textAlign: 'right', paddingRight: 8 },
  bold: { fontWeight: 'bold', fontSize: 12 },
});

export async function renderStatementPdf(st: Statement & { customerName: string; from: string; to: string }, locale: Locale, brand: { brandName?: string | null; logo?: string | null } = {}): Promise<Buffer> {
  registerPdfFont();
  const t = createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'Billing' });
  const usd = (c: number) => formatUsdFromCents(c, locale);
  const day = (d: string) => formatDate(new Date(`${d}T00:00:00Z`), locale);
  const logo = pdfLogo(brand.logo);
  const sums: [string, number, boolean][] = [
    [t('statement.opening'), st.openingCents, false],
    [t('statement.charges'), st.chargesCents, false],
    [t('statement.credits'), -st.creditsCents, false],
    [t('statement.closing'), st.closingCents, true],
  ];
  const doc = (
    <Document title={`${t('statement.title')} ${st.customerName}`} language={locale === 'zh' ? 'zh-CN' : 'en'}>
      <Page size="A4" style={s.page}>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt; the brand's name follows as text */}
        {logo ? <Image src={logo} style={s.logo} /> : null}
        {brand.brandName ? <Text style={s.brand}>{brand.brandName}</Text> : null}
        <Text style={s.h1}>{t('statement.title')}</Text>
        <View style={s.meta}>
          <View style={s.metaCell}>
            <Text style={s.label}>{t('Pdf.customer')}</Text>
            <Text>{st.customerName}</Text>
          </View>
          <View style={s.metaCell}>
            <Text style={s.label}>{t('statement.period')}</Text>
            <Text>{t('statement.range', { from: day(st.from), to: day(st.to) })}</Text>
          </View>
        </View>
        <View style={s.head}>
          <Text style={s.date}>{t('statement.date')}</Text>
          <Text style={s.kind}>{t('statement.movement')}</Text>
          <Text style={s.ref}>{t('statement.reference')}</Text>
          <Text style={s.amount}>{t('statement.amount')}</Text>
          <Text style={s.amount}>{t('statement.balance')}</Text>
        </View>
        <View style={s.row}>
          <Text style={s.date}>{day(st.from)}</Text>
          <Text style={s.kind}>{t('statement.opening')}</Text>
          <Text style={s.ref}> </Text>
          <Text style={s.amount}> </Text>
          <Text style={s.amount}>{usd(st.openingCents)}</Text>
        </View>
        {st.movements.map((m, i) => (
          <View key={i} style={s.row} wrap={false}>
            <Text style={s.date}>{formatDate(m.at, locale)}</Text>
            <Text style={s.kind}>{t(`statement.kind.${m.kind}`)}</Text>
            <Text style={s.ref}>{m.reference ?? '—'}</Text>
            <Text style={s.amount}>{usd(m.cents)}</Text>
            <Text style={s.amount}>{usd(m.balanceCents)}</Text>
          </View>
        ))}
        {sums.map(([label, cents, bold]) => (
          <View key={label} style={[s.sum, bold ? s.bold : {}]}>
            <Text style={s.sumLabel}>{label}</Text>
            <Text style={s.amount}>{usd(cents)}</Text>
          </View>
        ))}
        <Text style={s.footer}>{t('statement.footer')}</Text>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
