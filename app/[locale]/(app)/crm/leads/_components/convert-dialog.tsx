'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { convertLeadAction } from '@/lib/actions/crm/convert-lead';
import { useRouter } from '@/lib/i18n/navigation';

const TIERS = ['STANDARD', 'ENTERPRISE', 'VIP'] as const;

/** Turns the lead into a customer (and optionally a first deal), then opens the new customer's page. */
export function ConvertDialog({ lead }: { lead: { id: string; name: string; email: string | null } }) {
  const t = useTranslations('Crm.lead');
  return (
    <FormDialog
      title={t('convertTitle', { name: lead.name })}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs">
          {t('convert')}
        </Button>
      }
    >
      {(close) => <ConvertForm lead={lead} onDone={close} />}
    </FormDialog>
  );
}

function ConvertForm({ lead, onDone }: { lead: { id: string; name: string; email: string | null }; onDone: () => void }) {
  const t = useTranslations('Crm.lead');
  const tTier = useTranslations('Tier');
  const router = useRouter();
  const form = useActionForm(convertLeadAction, {
    success: () => t('converted'),
    errors: { CONFLICT: t('alreadyConverted') },
    onSuccess: ({ customerId }) => {
      onDone();
      router.push(`/crm/customers/${customerId}`);
    },
  });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="id" value={lead.id} />
      <p className="text-sm text-muted">{t('convertHint', { email: lead.email ?? '—' })}</p>
      {form.errors.email ? (
        <p className="text-xs text-bad" role="alert">
          {form.errors.email}
        </p>
      ) : null}
      <SelectField name="tier" label={t('tier')} defaultValue="STANDARD" options={TIERS.map((id) => ({ id, name: tTier(id) }))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="dealTitle" label={t('dealTitle')} maxLength={200} />
        <TextField name="dealValue" label={t('dealValue')} inputMode="decimal" />
      </div>
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('convert')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
