'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { issueDeviceTokenAction } from '@/lib/actions/edge/issue-device-token';

export function IssueTokenForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations('Edge');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(issueDeviceTokenAction, null);
  const form = useRef<HTMLFormElement>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (!state) return;
    if (state.ok) form.current?.reset();
    else if (state.code !== 'VALIDATION') toast.error(te(state.code));
  }, [state, te]);
  return (
    <div className="flex flex-col gap-4">
      <form ref={form} action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <Field id="edge-site" label={t('site')} error={fe.siteId ? tv(fe.siteId) : undefined}>
          <Select id="edge-site" name="siteId" invalid={Boolean(fe.siteId)} defaultValue="">
            <option value="">{t('chooseSite')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="edge-name" label={t('collectorName')} error={fe.name ? tv(fe.name) : undefined}>
          <Input id="edge-name" name="name" maxLength={80} placeholder={t('collectorNamePlaceholder')} invalid={Boolean(fe.name)} />
        </Field>
        <Button type="submit" disabled={pending}>
          {t('issue')}
        </Button>
      </form>
      {state?.ok ? (
        <div role="status" className="rounded-md border border-warn/40 bg-warn/10 p-3 text-sm" data-testid="new-device-token">
          <p className="mb-2 text-warn">{t('shownOnce', { name: state.data.name })}</p>
          <code className="block break-all rounded bg-bg p-2 font-mono text-xs">{state.data.token}</code>
        </div>
      ) : null}
    </div>
  );
}
