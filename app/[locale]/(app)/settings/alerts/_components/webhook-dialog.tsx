'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { addWebhookChannelAction } from '@/lib/actions/alerts/add-webhook-channel';
import { useRouter } from '@/lib/i18n/navigation';

/** Adds a webhook endpoint. The secret is typed once here and never shown again. */
export function WebhookDialog() {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(async () => {
      const result = await addWebhookChannelAction(null, data);
      setState(result);
      if (result.ok) {
        toast.success(t('webhookSaved'));
        setOpen(false);
        router.refresh();
      } else if (result.code !== 'VALIDATION') toast.error(te(result.code));
    });
  };
  // A reopened dialog starts clean, without the last attempt's errors.
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) setState(null);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('addWebhook')} closeLabel={tc('close')} trigger={<Button variant="secondary">{t('addWebhook')}</Button>}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field id="hook-label" label={t('webhookLabel')} error={fe.label ? tv(fe.label) : undefined}>
          <Input id="hook-label" name="label" invalid={Boolean(fe.label)} maxLength={100} />
        </Field>
        <Field id="hook-url" label={t('webhookUrl')} error={fe.url ? tv(fe.url) : undefined}>
          <Input id="hook-url" name="url" type="url" placeholder="https://" invalid={Boolean(fe.url)} />
        </Field>
        <Field id="hook-secret" label={t('webhookSecret')} error={fe.secret ? tv(fe.secret) : undefined}>
          <Input id="hook-secret" name="secret" type="password" autoComplete="new-password" invalid={Boolean(fe.secret)} />
        </Field>
        <p className="-mt-2 text-xs text-muted">{t('webhookSecretHint')}</p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
            {tc('cancel')}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? tc('saving') : tc('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
