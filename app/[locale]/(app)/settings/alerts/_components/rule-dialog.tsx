'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, FormError, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { saveAlertRuleAction } from '@/lib/actions/alerts/save-alert-rule';
import { useRouter } from '@/lib/i18n/navigation';
import { ACCOUNT_EMAIL, RULE_KINDS } from '@/lib/validation/alerts';

export type ChannelOption = { id: string; kind: 'email' | 'webhook'; label: string; target: string };
type Kind = (typeof RULE_KINDS)[number];
type Initial = { id: string; kind: Kind; threshold: number; channelIds: string[] };
type RuleFormProps = { channels: ChannelOption[]; accountEmail: string; initial?: Initial };

/** Create or edit a rule. Radix gives focus trap and Esc; every control is a native, tabbable input. */
export function RuleDialog({ triggerLabel, triggerVariant = 'primary', ...props }: RuleFormProps & { triggerLabel: string; triggerVariant?: 'primary' | 'ghost' }) {
  const t = useTranslations('Alerts');
  return (
    <FormDialog
      title={props.initial ? t('editRule') : t('newRule')}
      trigger={
        <Button type="button" variant={triggerVariant}>
          {triggerLabel}
        </Button>
      }
    >
      {(close) => <RuleForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function RuleForm({ channels, accountEmail, initial, onDone }: RuleFormProps & { onDone: () => void }) {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'hashprice_below');
  // The only CONFLICT is the cap on rules, reported on `_form`.
  const form = useActionForm(saveAlertRuleAction, {
    success: () => t('ruleSaved'),
    conflictField: t('tooManyRules'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const hasAccountChannel = channels.some((c) => c.kind === 'email' && c.target === accountEmail);
  const options = hasAccountChannel ? channels : [{ id: ACCOUNT_EMAIL, kind: 'email' as const, label: accountEmail, target: accountEmail }, ...channels];
  const checked = new Set(initial?.channelIds ?? [hasAccountChannel ? channels.find((c) => c.target === accountEmail)!.id : ACCOUNT_EMAIL]);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <SelectField id="rule-kind" name="kind" label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={RULE_KINDS.map((k) => ({ id: k, name: t(`kinds.${k}`) }))} />
      <TextField
        id="rule-threshold"
        name="threshold"
        label={`${t('threshold')} (${t(`units.${kind}`)})`}
        hint={t(`help.${kind}`)}
        type="text"
        inputMode="decimal"
        defaultValue={initial ? String(initial.threshold) : ''}
        autoComplete="off"
      />
      <FieldGroup id="rule-channels" name="channelIds" legend={t('channels')}>
        {options.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="channelIds" value={c.id} defaultChecked={checked.has(c.id)} className="h-4 w-4 accent-[var(--color-accent)]" />
            <span>{c.kind === 'email' ? t('channelEmail', { target: c.target }) : t('channelWebhook', { label: c.label })}</span>
          </label>
        ))}
      </FieldGroup>
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
