'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { createAlertRuleAction } from '@/lib/actions/edge/create-alert-rule';

const KINDS = ['OFFLINE', 'TEMP_HIGH', 'HASHRATE_LOW', 'FAN_FAILURE', 'REJECT_RATE_HIGH'] as const;

type Option = { id: string | number; name: string };

/** A rule for all miners, or narrowed to a site, a model and/or a customer (all must match). */
export function CreateRuleForm({ sites, models, customers }: { sites: Option[]; models: Option[]; customers: Option[] }) {
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
    <form ref={form} action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 sm:items-end" noValidate>
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
      <Field id="rule-model" label={t('ruleModel')} error={fe.modelId ? tv(fe.modelId) : undefined}>
        <Select id="rule-model" name="modelId" defaultValue="" invalid={Boolean(fe.modelId)}>
          <option value="">{t('allModels')}</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="rule-customer" label={t('ruleCustomer')} error={fe.customerId ? tv(fe.customerId) : undefined}>
        <Select id="rule-customer" name="customerId" defaultValue="" invalid={Boolean(fe.customerId)}>
          <option value="">{t('allCustomers')}</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
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
