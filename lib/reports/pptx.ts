import type PptxGenJS from 'pptxgenjs';
import type { ReportModel, ReportTable } from '@/lib/domain/reports/model';
import { embeddableLogo, formatReportValue, hex6 } from './format';

/*
 * A report model as a slide deck (16:9): a title slide in the brand's colours, a summary slide, a
 * native bar chart per chart (editable in PowerPoint), and each non-detail table over as many slides
 * as it needs (ROWS_PER_SLIDE rows each, the totals row on the last).
 */

const ROWS_PER_SLIDE = 14;
const FONT = 'Microsoft YaHei';

function tableSlides(deck: PptxGenJS, t: ReportTable, model: ReportModel, accent: string, primary: string) {
  const fmt = (i: number, v: string | number | null) => formatReportValue(t.columns[i]!.unit, v, model.locale, model.missing);
  const head = t.columns.map((c, i) => ({ text: c.label, options: { bold: true, color: 'FFFFFF', fill: { color: accent }, align: t.columns[i]!.unit === 'text' ? ('left' as const) : ('right' as const) } }));
  const body = t.rows.map((r) => r.map((v, i) => ({ text: fmt(i, v), options: { align: t.columns[i]!.unit === 'text' ? ('left' as const) : ('right' as const) } })));
  if (t.totals && t.rows.length) body.push(t.totals.map((v, i) => ({ text: i === 0 ? model.totalLabel : v === null ? '' : fmt(i, v), options: { align: t.columns[i]!.unit === 'text' ? ('left' as const) : ('right' as const), bold: true } as never })));
  const pages = Math.max(1, Math.ceil(body.length / ROWS_PER_SLIDE));
  const w = 12.3;
  const first = Math.min(3, w / t.columns.length + 1);
  const rest = (w - first) / Math.max(1, t.columns.length - 1);
  for (let p = 0; p < pages; p++) {
    const slide = deck.addSlide();
    slide.addText(pages > 1 ? `${t.title} (${p + 1}/${pages})` : t.title, { x: 0.5, y: 0.3, w: 12, h: 0.5, fontSize: 20, bold: true, color: primary, fontFace: FONT });
    const rows = body.slice(p * ROWS_PER_SLIDE, (p + 1) * ROWS_PER_SLIDE);
    slide.addTable([head, ...(rows.length ? rows : [[{ text: model.missing, options: {} }]])], {
      x: 0.5,
      y: 1,
      w,
      colW: t.columns.map((_, i) => (i ? rest : first)),
      fontSize: 9,
      fontFace: FONT,
      border: { type: 'solid', pt: 0.5, color: 'DDDDDD' },
    });
    slide.addText(model.footer, { x: 0.5, y: 7.0, w: 12.3, h: 0.3, fontSize: 7, color: '666666', fontFace: FONT });
  }
}

export async function renderReportPptx(model: ReportModel): Promise<Buffer> {
  const { default: Pptx } = await import('pptxgenjs');
  const deck = new Pptx();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = model.title;
  deck.author = model.brand.name;
  const primary = hex6(model.brand.primary, '#f7931a');
  const accent = hex6(model.brand.accent, '#1a1d2e');
  const logo = embeddableLogo(model.brand.logo);

  const cover = deck.addSlide();
  cover.background = { color: accent };
  if (logo) cover.addImage({ data: logo.data, x: 0.6, y: 0.6, h: 0.9, w: 0.9, sizing: { type: 'contain', w: 0.9, h: 0.9 } });
  cover.addText(model.title, { x: 0.6, y: 2.4, w: 12, h: 1, fontSize: 36, bold: true, color: primary, fontFace: FONT });
  cover.addText(`${model.brand.name} · ${model.subtitle}`, { x: 0.6, y: 3.4, w: 12, h: 0.6, fontSize: 18, color: 'FFFFFF', fontFace: FONT });
  cover.addText(model.meta.map(([k, v]) => `${k}: ${v}`).join('\n'), { x: 0.6, y: 4.3, w: 12, h: 2, fontSize: 12, color: 'DDDDDD', fontFace: FONT, valign: 'top' });

  const summary = deck.addSlide();
  model.summary.forEach((x, i) => {
    const col = i % 4;
    const row = Math.floor(i / 4);
    const at = { x: 0.5 + col * 3.1, y: 0.6 + row * 1.5, w: 2.9, h: 1.3 };
    summary.addShape('rect', { ...at, fill: { color: 'F5F5F5' }, line: { color: primary, width: 2 } });
    summary.addText([{ text: x.label, options: { fontSize: 11, color: '666666', breakLine: true } }, { text: formatReportValue(x.unit, x.value, model.locale, model.missing), options: { fontSize: 20, bold: true, color: '111111' } }], { ...at, fontFace: FONT, margin: 8, valign: 'middle' });
  });

  for (const ch of model.charts) {
    const slide = deck.addSlide();
    slide.addText(ch.title, { x: 0.5, y: 0.3, w: 12, h: 0.5, fontSize: 20, bold: true, color: primary, fontFace: FONT });
    if (!ch.points.length) {
      slide.addText(model.missing, { x: 0.5, y: 3, w: 12, h: 1, fontSize: 16, color: '666666', align: 'center' });
      continue;
    }
    slide.addChart(deck.ChartType.bar, [{ name: ch.title, labels: ch.points.map((p) => p.label), values: ch.points.map((p) => p.value) }], {
      x: 0.5,
      y: 1,
      w: 12.3,
      h: 5.8,
      chartColors: [primary],
      catAxisLabelFontSize: 8,
      valAxisLabelFontSize: 9,
      showLegend: false,
    });
  }

  for (const t of model.tables.filter((x) => !x.detail)) tableSlides(deck, t, model, accent, primary);
  return (await deck.write({ outputType: 'nodebuffer' })) as Buffer;
}
