import type { Db } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { ReportFormat, ReportKind, ReportModel } from '@/lib/domain/reports/model';
import { buildCurtailmentReport } from './curtailment';
import { buildOperationsReport, type ReportInput } from './operations';
import { renderReportPdf } from './pdf';
import { renderReportPptx } from './pptx';
import { buildProfitabilityReport } from './profitability';
import { buildStatementReport } from './statement';
import { buildTreasuryReport } from './treasury';
import { renderReportXlsx } from './xlsx';

/** Report kinds a client (customer-scoped viewer) may have: its own operations and statement, never host costs or margins. */
export const CLIENT_REPORT_KINDS: readonly ReportKind[] = ['operations', 'statement'];

/** Any report kind for the viewer's scope; a client's statement defaults to its one customer. */
export async function buildReport(db: Db, scope: Scope, kind: ReportKind, o: ReportInput): Promise<ReportModel> {
  const client = scope.customers !== 'all';
  if (client && !CLIENT_REPORT_KINDS.includes(kind)) throw new AppError('FORBIDDEN', 'Not a report for clients');
  switch (kind) {
    case 'operations':
      return buildOperationsReport(db, scope, o);
    case 'statement': {
      const customerId = o.customerId ?? (client && scope.customers.length === 1 ? scope.customers[0]! : null);
      if (!customerId) throw new AppError('VALIDATION', 'Pick a customer', { customerId: 'required' });
      return buildStatementReport(db, scope, { ...o, customerId });
    }
    case 'profitability':
      return buildProfitabilityReport(db, scope, o);
    case 'curtailment':
      return buildCurtailmentReport(db, scope, o);
    case 'treasury':
      return buildTreasuryReport(db, scope, o);
  }
}

export const REPORT_MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function renderReport(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  return format === 'pdf' ? renderReportPdf(model) : format === 'xlsx' ? renderReportXlsx(model) : renderReportPptx(model);
}
