'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { approvePortalUserAction } from '@/lib/actions/crm/approve-portal-user';

/** Approves a converted lead into a portal user: a CLIENT account and an e-mailed link to set its password. */
export function PortalAccessDialog({ lead }: { lead: { id: string; name: string; hasPortal: boolean } }) {
  const t = useTranslations('Crm.portalAccess');
  return (
    <FormDialog
      title={t('title', { name: lead.name })}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs" aria-label={t('title', { name: lead.name })}>
          {lead.hasPortal ? t('resend') : t('approve')}
        </Button>
      }
    >
      {(close) => <PortalAccessForm id={lead.id} onDone={close} />}
    </FormDialog>
  );
}

function PortalAccessForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useTranslations('Crm.portalAccess');
  const locale = useLocale();
  const form = useActionForm(approvePortalUserAction, { success: (d) => (d.sent ? t('sent') : { tone: 'error', text: t('notSent') }), errors: { VALIDATION: t('emailProblem'), CONFLICT: t('notConverted') }, onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-muted">{t('body')}</p>
      <SelectField name="locale" label={t('language')} defaultValue={locale} options={[{ id: 'en', name: 'English' }, { id: 'zh', name: '中文' }]} />
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('approve')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
