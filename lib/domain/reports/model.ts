/*
 * A report as data, independent of its file format: the PDF, XLSX and PPTX writers (lib/reports)
 * render the same model, so the three files of one report carry the same figures. Values are raw
 * (cents, sats, Wh, TH/s, percent); each writer formats them by the column's unit. A null value is
 * missing and is shown as "—", never as 0.
 */

export const REPORT_KINDS = ['operations', 'statement', 'profitability', 'curtailment', 'treasury'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx', 'pptx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportUnit = 'text' | 'count' | 'w' | 'wh' | 'cents' | 'sats' | 'ths' | 'pct';
export type ReportValue = string | number | null;
export type ReportColumn = { label: string; unit: ReportUnit; total: boolean };

export type ReportTable = {
  title: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  /** The sums of the columns with `total`, null elsewhere (and null where every value is missing). */
  totals: (number | null)[] | null;
  /** Long detail (one row per miner): written to the spreadsheet only. */
  detail?: boolean;
};

export type ReportChart = { title: string; xLabel: string; unit: ReportUnit; points: { label: string; value: number }[] };
/** `white`: a white-label brand's look (its name replaces the product's in e-mails too). */
export type ReportBrand = { name: string; logo: string | null; primary: string; accent: string; white?: boolean };

export type ReportModel = {
  kind: ReportKind;
  locale: 'en' | 'zh';
  title: string;
  subtitle: string;
  meta: [string, string][];
  brand: ReportBrand;
  summary: { label: string; unit: ReportUnit; value: number | null }[];
  tables: ReportTable[];
  charts: ReportChart[];
  /** Text under every page: period, time zones, sources. */
  footer: string;
  totalLabel: string;
  /** "max" over a chart's scale. */
  maxLabel: string;
  missing: string;
};

/** Σ of each totalled column over the rows, skipping missing values; null where none is present. */
export function columnTotals(columns: ReportColumn[], rows: ReportValue[][]): (number | null)[] {
  return columns.map((c, i) => {
    if (!c.total) return null;
    let sum: number | null = null;
    for (const r of rows) {
      const v = r[i];
      if (typeof v === 'number') sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

/** A table with its totals row computed from its rows. */
export function table(title: string, columns: ReportColumn[], rows: ReportValue[][], opts: { detail?: boolean; totals?: boolean } = {}): ReportTable {
  return { title, columns, rows, totals: opts.totals === false ? null : columnTotals(columns, rows), detail: opts.detail };
}
