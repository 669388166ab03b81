'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { createAlertRuleAction } from '@/lib/actions/edge/create-alert-rule';

const KINDS = ['OFFLINE', 'TEMP_HIGH', 'HASHRATE_LOW', 'FAN_FAILURE', 'REJECT_RATE_HIGH'] as const;

export function CreateRuleForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations('Edge');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(createAlertRuleAction, null);
  const form = useRef<HTMLFormElement>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      form.current?.reset();
      toast.success(t('ruleCreated'));
    } else if (state.code !== 'VALIDATION') toast.error(te(state.code));
  }, [state, t, te]);
  return (
    <form ref={form} action={action} className="grid gap-3 sm:grid-cols-5 sm:items-end" noValidate>
      <Field id="rule-name" label={t('ruleName')} error={fe.name ? tv(fe.name) : undefined}>
        <Input id="rule-name" name="name" maxLength={80} invalid={Boolean(fe.name)} />
      </Field>
      <Field id="rule-kind" label={t('ruleKind')}>
        <Select id="rule-kind" name="kind" defaultValue="OFFLINE">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="rule-threshold" label={t('threshold')} error={fe.threshold ? tv(fe.threshold) : undefined}>
        <Input id="rule-threshold" name="threshold" inputMode="numeric" defaultValue="10" invalid={Boolean(fe.threshold)} />
      </Field>
      <Field id="rule-site" label={t('site')}>
        <Select id="rule-site" name="siteId" defaultValue="">
          <option value="">{t('allSites')}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        {t('addRule')}
      </Button>
    </form>
  );
}
