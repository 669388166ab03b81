import { Document, Image, Page, Rect, renderToBuffer, StyleSheet, Svg, Text, View, Line as SvgLine } from '@react-pdf/renderer';
import type { ReportChart, ReportModel, ReportTable } from '@/lib/domain/reports/model';
import { PDF_FONT, registerPdfFont } from '@/lib/pdf/font';
import { embeddableLogo, formatReportValue } from './format';

/*
 * A report model as a PDF (A4 landscape), in the embedded CJK font: a header in the brand's colour
 * with its logo, the summary tiles, the charts drawn as SVG, then each table with its totals row.
 * Detail tables (one row per miner) are left to the spreadsheet.
 */

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT, fontSize: 8, paddingTop: 24, paddingBottom: 40, paddingHorizontal: 28, color: '#111' },
  band: { flexDirection: 'row', alignItems: 'center', padding: 10, marginBottom: 10, color: '#fff' },
  logo: { height: 28, marginRight: 10 },
  h1: { fontSize: 16, fontWeight: 'bold' },
  sub: { fontSize: 9 },
  meta: { flexDirection: 'row', flexWrap: 'wrap', marginBottom: 8 },
  metaCell: { width: '25%', marginBottom: 3 },
  label: { color: '#666', fontSize: 7 },
  tiles: { flexDirection: 'row', flexWrap: 'wrap', marginBottom: 8 },
  tile: { width: '16%', marginRight: '0.66%', marginBottom: 4, padding: 5, borderLeftWidth: 2 },
  tileValue: { fontSize: 10, fontWeight: 'bold' },
  h2: { fontSize: 11, fontWeight: 'bold', marginTop: 8, marginBottom: 4 },
  head: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#111', paddingBottom: 3, fontWeight: 'bold' },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ddd', paddingVertical: 2 },
  total: { flexDirection: 'row', borderTopWidth: 1, borderTopColor: '#111', paddingTop: 3, fontWeight: 'bold' },
  footer: { position: 'absolute', bottom: 16, left: 28, right: 28, fontSize: 6.5, color: '#666', flexDirection: 'row', justifyContent: 'space-between' },
});

// Two charts side by side across the landscape page.
const CHART_W = 375;
const CHART_H = 80;
const TABLE_W = 841.89 - 56;

/** Bars from a zero line: above it for positive values, below for negative (a margin can be a loss). */
function Chart({ chart, colour, model }: { chart: ReportChart; colour: string; model: ReportModel }) {
  const values = chart.points.map((p) => p.value);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const range = max - min;
  const n = chart.points.length;
  const bar = n ? CHART_W / n : 0;
  const zeroY = range ? (max / range) * CHART_H : CHART_H;
  const fewLabels = n <= 12;
  const extent = [max > 0 ? `${model.maxLabel} ${formatReportValue(chart.unit, max, model.locale, model.missing)}` : null, min < 0 ? formatReportValue(chart.unit, min, model.locale, model.missing) : null].filter(Boolean).join(' · ');
  return (
    <View wrap={false} style={{ width: CHART_W + 10 }}>
      <Text style={s.h2}>{chart.title}</Text>
      {n === 0 || range === 0 ? (
        <Text style={s.label}>{model.missing}</Text>
      ) : (
        <>
          <Text style={s.label}>{extent}</Text>
          <Svg width={CHART_W} height={CHART_H + 2}>
            {chart.points.map((p, i) => {
              const h = (Math.abs(p.value) / range) * CHART_H;
              return <Rect key={i} x={i * bar + bar * 0.15} y={p.value >= 0 ? zeroY - h : zeroY} width={bar * 0.7} height={h} fill={p.value >= 0 ? colour : '#b91c1c'} />;
            })}
            <SvgLine x1={0} y1={zeroY} x2={CHART_W} y2={zeroY} stroke="#999" strokeWidth={0.5} />
          </Svg>
          <View style={{ flexDirection: 'row', justifyContent: fewLabels ? 'flex-start' : 'space-between', width: CHART_W }}>
            {fewLabels ? (
              chart.points.map((p, i) => (
                <Text key={i} style={[s.label, { width: bar, textAlign: 'center' }]}>
                  {p.label}
                </Text>
              ))
            ) : (
              <>
                <Text style={s.label}>{chart.points[0]!.label}</Text>
                <Text style={s.label}>{chart.points[n - 1]!.label}</Text>
              </>
            )}
          </View>
        </>
      )}
    </View>
  );
}

function Table({ t, model }: { t: ReportTable; model: ReportModel }) {
  // Widths in points (the page's inner width), not percentages: each percentage is resolved per node.
  const first = TABLE_W * 0.22;
  const rest = (TABLE_W - first) / Math.max(1, t.columns.length - 1);
  // Text reads from the left, figures line up on the right.
  const styles = t.columns.map((c, i) => ({ width: i === 0 ? first : rest, textAlign: c.unit === 'text' ? ('left' as const) : ('right' as const), paddingHorizontal: 2 }));
  const w = (i: number) => styles[i]!;
  const cell = (i: number, v: string | number | null) => formatReportValue(t.columns[i]!.unit, v, model.locale, model.missing);
  return (
    <View>
      {/* The title and header stay with at least a few rows: never alone at a page's foot. */}
      <Text style={s.h2} minPresenceAhead={60}>
        {t.title}
      </Text>
      <View style={s.head} minPresenceAhead={40}>
        {t.columns.map((c, i) => (
          <Text key={i} style={w(i)}>
            {c.label}
          </Text>
        ))}
      </View>
      {t.rows.length === 0 && <Text style={[s.row, s.label]}>{model.missing}</Text>}
      {t.rows.map((r, ri) => (
        <View key={ri} style={s.row} wrap={false}>
          {r.map((v, i) => (
            <Text key={i} style={w(i)}>
              {cell(i, v)}
            </Text>
          ))}
        </View>
      ))}
      {t.totals && t.rows.length > 0 && (
        <View style={s.total} wrap={false}>
          {t.totals.map((v, i) => (
            <Text key={i} style={w(i)}>
              {i === 0 ? model.totalLabel : v === null ? '' : cell(i, v)}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  registerPdfFont();
  const logo = embeddableLogo(model.brand.logo);
  const doc = (
    <Document title={model.title} author={model.brand.name} language={model.locale === 'zh' ? 'zh-CN' : 'en'}>
      <Page size="A4" orientation="landscape" style={s.page}>
        <View style={[s.band, { backgroundColor: model.brand.accent }]}>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- @react-pdf's Image takes no alt; the brand's name is the text beside it. */}
          {logo && <Image style={s.logo} src={logo.data} />}
          <View>
            <Text style={[s.h1, { color: model.brand.primary }]}>{model.title}</Text>
            <Text style={s.sub}>{`${model.brand.name} · ${model.subtitle}`}</Text>
          </View>
        </View>
        <View style={s.meta}>
          {model.meta.map(([k, v]) => (
            <View key={k} style={s.metaCell}>
              <Text style={s.label}>{k}</Text>
              <Text>{v}</Text>
            </View>
          ))}
        </View>
        <View style={s.tiles}>
          {model.summary.map((x) => (
            <View key={x.label} style={[s.tile, { borderLeftColor: model.brand.primary }]}>
              <Text style={s.label}>{x.label}</Text>
              <Text style={s.tileValue}>{formatReportValue(x.unit, x.value, model.locale, model.missing)}</Text>
            </View>
          ))}
        </View>
        <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
          {model.charts.map((c) => (
            <Chart key={c.title} chart={c} colour={model.brand.primary} model={model} />
          ))}
        </View>
        {model.tables
          .filter((t) => !t.detail)
          .map((t) => (
            <Table key={t.title} t={t} model={model} />
          ))}
        <View style={s.footer} fixed>
          <Text style={{ width: '85%' }}>{model.footer}</Text>
          <Text render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
