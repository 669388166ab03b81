'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { setLeadStatusAction } from '@/lib/actions/crm/set-lead-status';
import type { LeadStatus } from '@/lib/domain/crm/lead';

const CHOICES = ['new', 'contacted', 'qualified', 'lost'] as const;

/** Works an open lead: a status, and for "lost" the reason, in one small form. */
export function LeadStatusForm({ id, status }: { id: string; status: LeadStatus }) {
  const t = useTranslations('Crm.lead');
  const [next, setNext] = useState<string>(status);
  const form = useActionForm(setLeadStatusAction, { success: (r) => t('statusSet', { status: t(`statuses.${r.status}`) }) });
  return (
    <ActionForm form={form} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="id" value={id} />
      <select name="status" aria-label={t('status')} value={next} onChange={(e) => setNext(e.target.value)} className="rounded border border-line bg-bg px-1 py-0.5 text-xs">
        {CHOICES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      {next === 'lost' ? <input name="reason" aria-label={t('lostReason')} placeholder={t('lostReason')} maxLength={500} aria-invalid={form.errors.reason ? true : undefined} className="w-28 rounded border border-line bg-bg px-1 py-0.5 text-xs aria-[invalid=true]:border-bad" /> : null}
      <SubmitButton variant="ghost" className="px-2 py-0.5 text-xs" disabled={next === status}>
        {t('setStatus')}
      </SubmitButton>
    </ActionForm>
  );
}
