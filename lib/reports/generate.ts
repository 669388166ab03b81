import type { Db } from '@/db/client';
import { claimReportRun, failReportRun, finishReportRun, setReportProgress } from '@/db/queries/reports/runs';
import { AppError } from '@/lib/core/errors';
import type { ReportFormat, ReportKind } from '@/lib/domain/reports/model';
import { buildReport, renderReport } from './build';

/**
 * Builds a queued run's report within the scope it was asked with and stores the file, moving its
 * progress 5 → 40 (figures read) → 100 (file stored). A run another worker claimed is skipped; a
 * refused or failed build is stored as failed with its error code, never retried into a loop.
 */
export async function generateReportRun(db: Db, id: string, now: Date): Promise<'done' | 'failed' | 'skipped'> {
  const run = await claimReportRun(db, id, now);
  if (!run) return 'skipped';
  try {
    const locale = run.locale === 'zh' ? 'zh' : 'en';
    const model = await buildReport(db, run.scope, run.kind as ReportKind, { month: run.month, locale, customerId: run.customerId, now });
    await setReportProgress(db, id, 40);
    const file = await renderReport(model, run.format as ReportFormat);
    const slug = model.subtitle.replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '');
    await finishReportRun(db, id, { fileName: `${run.kind}-${slug}.${run.format}`, file, now });
    return 'done';
  } catch (error) {
    await failReportRun(db, id, error instanceof AppError ? error.code : 'INTERNAL', now);
    if (!(error instanceof AppError)) console.error('[reports] generation failed', error);
    return 'failed';
  }
}
