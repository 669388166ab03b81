'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { createApiTokenAction } from '@/lib/actions/api-tokens/create-api-token';

export function CreateTokenForm() {
  const t = useTranslations('ApiTokens');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(createApiTokenAction, null);
  const form = useRef<HTMLFormElement>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) form.current?.reset();
    else if (state.code !== 'VALIDATION') toast.error(state.code === 'CONFLICT' ? t('tooMany') : te(state.code));
  }, [state, t, te]);

  return (
    <div className="flex flex-col gap-4">
      <form ref={form} action={action} className="flex max-w-md flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <div className="flex-1">
          <Field id="token-name" label={t('name')} error={fe.name ? tv(fe.name) : undefined}>
            <Input id="token-name" name="name" maxLength={200} placeholder={t('namePlaceholder')} invalid={Boolean(fe.name)} />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {t('createButton')}
        </Button>
      </form>
      {state?.ok ? (
        <div role="status" className="rounded-md border border-warn/40 bg-warn/10 p-3 text-sm" data-testid="new-token">
          <p className="mb-2 text-warn">{t('shownOnce', { name: state.data.name })}</p>
          <code className="block break-all rounded bg-bg p-2 font-mono text-xs">{state.data.token}</code>
        </div>
      ) : null}
    </div>
  );
}
