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
      <TargetSelect id="rule-site" name="siteId" label={t('site')} allLabel={t('allSites')} options={sites} />
      <TargetSelect id="rule-model" name="modelId" label={t('ruleModel')} allLabel={t('allModels')} options={models} error={fe.modelId ? tv(fe.modelId) : undefined} />
      <TargetSelect id="rule-customer" name="customerId" label={t('ruleCustomer')} allLabel={t('allCustomers')} options={customers} error={fe.customerId ? tv(fe.customerId) : undefined} />
      <Button type="submit" disabled={pending}>
        {t('addRule')}
      </Button>
    </form>
  );
}

/** One optional target of the rule: empty means "all". */
function TargetSelect({ id, name, label, allLabel, options, error }: { id: string; name: string; label: string; allLabel: string; options: Option[]; error?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <Select id={id} name={name} defaultValue="" invalid={Boolean(error)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
