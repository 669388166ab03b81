'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { createAlertRuleAction } from '@/lib/actions/edge/create-alert-rule';
import { ALERT_SEVERITIES } from '@/lib/domain/alerts/severity';
import { ALERT_KINDS } from '@/lib/domain/telemetry/alert-rules';

/**
 * A rule for all miners, or narrowed to a site, a model and/or a customer (all must match); an empty
 * target means "all". For a site-bound user "all sites" means each of its sites: the server writes a
 * rule per site. Severity defaults by condition (offline, heat and fans are critical); the channel is
 * one of the author's own (Settings → Alerts).
 */
export function CreateRuleForm({ sites, models, customers, channels, siteBound }: { sites: FieldOption[]; models: FieldOption[]; customers: FieldOption[]; channels: FieldOption[]; siteBound: boolean }) {
  const t = useTranslations('Edge');
  const ta = useTranslations('AlertActions');
  const form = useActionForm(createAlertRuleAction, { success: () => t('ruleCreated'), resetOnSuccess: true });
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 sm:items-end">
      <TextField id="rule-name" name="name" label={t('ruleName')} maxLength={80} />
      <SelectField id="rule-kind" name="kind" label={t('ruleKind')} defaultValue="OFFLINE" options={ALERT_KINDS.map((k) => ({ id: k, name: t(`kind.${k}`) }))} />
      <TextField id="rule-threshold" name="threshold" label={t('threshold')} inputMode="numeric" defaultValue="10" />
      <SelectField id="rule-site" name="siteId" label={t('site')} defaultValue="" empty={t(siteBound ? 'allMySites' : 'allSites')} options={sites} />
      <SelectField id="rule-model" name="modelId" label={t('ruleModel')} defaultValue="" empty={t('allModels')} options={models} />
      <SelectField id="rule-customer" name="customerId" label={t('ruleCustomer')} defaultValue="" empty={t('allCustomers')} options={customers} />
      <SelectField id="rule-severity" name="severity" label={ta('severityLabel')} defaultValue="" empty={t('severityByKind')} options={ALERT_SEVERITIES.map((k) => ({ id: k, name: ta(`severity.${k}`) }))} />
      <SelectField id="rule-channel" name="channelId" label={t('ruleChannel')} defaultValue="" empty={t('inAppOnly')} options={channels} />
      <SubmitButton>{t('addRule')}</SubmitButton>
    </ActionForm>
  );
}
