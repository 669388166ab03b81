'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SubmitButton } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { importMeterReadingsAction } from '@/lib/actions/power/import-meter-readings';
import { useRouter } from '@/lib/i18n/navigation';
import { CsvFields } from '../../curtailment/_components/csv-fields';

const REASONS = ['meter_id', 'period', 'energy', 'kind', 'duplicate'] as const;

/** Uploads a meter export for the site (all rows or none); a refused file lists each bad line and why. */
export function MeterImportDialog({ siteId }: { siteId: string }) {
  const t = useTranslations('Power.meterImport');
  return (
    <FormDialog title={t('title')} trigger={<Button variant="secondary" data-testid="meter-import">{t('open')}</Button>}>
      {(close) => <MeterImportForm siteId={siteId} onDone={close} />}
    </FormDialog>
  );
}

function MeterImportForm({ siteId, onDone }: { siteId: string; onDone: () => void }) {
  const t = useTranslations('Power.meterImport');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(importMeterReadingsAction, {
    success: (d) => t('stored', { stored: d.stored, hours: d.reaggregatedHours }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const bad = form.result && !form.result.ok ? (form.result.details?.rows as Record<string, string> | undefined) : undefined;
  const lines = bad ? Object.entries(bad).sort((x, y) => Number(x[0]) - Number(y[0])) : [];
  const reason = (r: string) => ((REASONS as readonly string[]).includes(r) ? t(`reasons.${r as (typeof REASONS)[number]}`) : r);
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={siteId} />
      <p className="text-xs text-muted">{t('hint')}</p>
      <CsvFields id="mi-text" example={'meter_id,period_start,period_end,kwh,kind\nMAIN,2026-03-01T00:00:00Z,2026-03-01T00:15:00Z,812.5,site'} />
      {lines.length ? (
        <div role="alert" className="rounded border border-bad p-2 text-xs text-bad" data-testid="meter-import-errors">
          <p className="mb-1 font-medium">{t('badLines', { count: lines.length })}</p>
          <ul className="max-h-40 overflow-auto">
            {lines.slice(0, 50).map(([line, r]) => (
              <li key={line}>{t('line', { line, reason: reason(r) })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormError />
      )}
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{t('upload')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
