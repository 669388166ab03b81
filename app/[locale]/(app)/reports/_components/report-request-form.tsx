'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { requestReportAction } from '@/lib/actions/reports/request-report';

/** The previous UTC month (YYYY-MM): the usual report to ask for. */
function lastMonth(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** Kind, format, month and (for a statement, staff only) the customer; the job builds it and the list shows its progress. */
export function ReportRequestForm({ kinds, formats, customers }: { kinds: string[]; formats: string[]; customers: { id: string; name: string }[] }) {
  const t = useTranslations('Reports');
  const router = useRouter();
  const [kind, setKind] = useState(kinds[0] ?? 'operations');
  const form = useActionForm(requestReportAction, { success: () => t('queued'), onSuccess: () => router.refresh() });
  return (
    <form {...form.props} className="grid grid-cols-1 gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t('ask')}>
      <SelectField name="kind" label={t('form.kind')} value={kind} onChange={(e) => setKind(e.target.value)} options={kinds.map((k) => ({ id: k, name: t(`kind.${k}`) }))} error={form.errors.kind} />
      <SelectField name="format" label={t('form.format')} options={formats.map((f) => ({ id: f, name: t(`format.${f}`) }))} error={form.errors.format} />
      <TextField name="month" type="month" label={t('form.month')} defaultValue={lastMonth()} required error={form.errors.month} />
      {customers.length > 0 && kind !== 'profitability' && kind !== 'curtailment' && kind !== 'treasury' ? (
        <SelectField name="customerId" label={t('form.customer')} empty={kind === 'statement' ? undefined : t('form.allCustomers')} options={customers} error={form.errors.customerId} />
      ) : null}
      <div className="flex items-end">
        <SubmitButton pending={form.pending} pendingLabel={t('form.asking')}>
          {t('form.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}
