'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { addWebhookChannelAction } from '@/lib/actions/alerts/add-webhook-channel';
import { useRouter } from '@/lib/i18n/navigation';

/** Adds a webhook endpoint. The secret is typed once here and never shown again. */
export function WebhookDialog() {
  const t = useTranslations('Alerts');
  return (
    <FormDialog title={t('addWebhook')} trigger={<Button variant="secondary">{t('addWebhook')}</Button>}>
      {(close) => <WebhookForm onDone={close} />}
    </FormDialog>
  );
}

function WebhookForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(addWebhookChannelAction, {
    success: () => t('webhookSaved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <TextField id="hook-label" name="label" label={t('webhookLabel')} maxLength={100} />
      <TextField id="hook-url" name="url" label={t('webhookUrl')} type="url" placeholder="https://" />
      <TextField id="hook-secret" name="secret" label={t('webhookSecret')} hint={t('webhookSecretHint')} type="password" autoComplete="new-password" />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
