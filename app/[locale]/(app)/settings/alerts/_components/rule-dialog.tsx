'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select } from '@/components/ui/field';
import { saveAlertRuleAction } from '@/lib/actions/alerts/save-alert-rule';
import { useRouter } from '@/lib/i18n/navigation';
import { ACCOUNT_EMAIL, RULE_KINDS } from '@/lib/validation/alerts';

export type ChannelOption = { id: string; kind: 'email' | 'webhook'; label: string; target: string };
type Kind = (typeof RULE_KINDS)[number];
type Initial = { id: string; kind: Kind; threshold: number; channelIds: string[] };

/** Create or edit a rule. Radix gives focus trap and Esc; every control is a native, tabbable input. */
export function RuleDialog({ channels, accountEmail, initial, triggerLabel, triggerVariant = 'primary' }: { channels: ChannelOption[]; accountEmail: string; initial?: Initial; triggerLabel: string; triggerVariant?: 'primary' | 'ghost' }) {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'hashprice_below');
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    start(async () => {
      const result = await saveAlertRuleAction(null, data);
      setState(result);
      if (result.ok) {
        toast.success(t('ruleSaved'));
        setOpen(false);
        router.refresh();
      } else if (result.code !== 'VALIDATION') toast.error(te(result.code));
    });
  };
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const hasAccountChannel = channels.some((c) => c.kind === 'email' && c.target === accountEmail);
  const options = hasAccountChannel ? channels : [{ id: ACCOUNT_EMAIL, kind: 'email' as const, label: accountEmail, target: accountEmail }, ...channels];
  const checked = new Set(initial?.channelIds ?? [hasAccountChannel ? channels.find((c) => c.target === accountEmail)!.id : ACCOUNT_EMAIL]);
  // A reopened dialog starts clean, without the last attempt's errors.
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) setState(null);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={initial ? t('editRule') : t('newRule')}
      closeLabel={tc('close')}
      trigger={
        <Button type="button" variant={triggerVariant}>
          {triggerLabel}
        </Button>
      }
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
        <Field id="rule-kind" label={t('kind')} error={fe.kind ? tv(fe.kind) : undefined}>
          <Select id="rule-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="rule-threshold" label={`${t('threshold')} (${t(`units.${kind}`)})`} error={fe.threshold ? tv(fe.threshold) : undefined}>
          <Input id="rule-threshold" name="threshold" type="text" inputMode="decimal" defaultValue={initial ? String(initial.threshold) : ''} invalid={Boolean(fe.threshold)} autoComplete="off" />
        </Field>
        <p className="-mt-2 text-xs text-muted">{t(`help.${kind}`)}</p>
        <fieldset className="flex flex-col gap-2" aria-describedby={fe.channelIds ? 'rule-channels-error' : undefined}>
          <legend className="mb-1 text-sm text-muted">{t('channels')}</legend>
          {options.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="channelIds" value={c.id} defaultChecked={checked.has(c.id)} className="h-4 w-4 accent-[var(--color-accent)]" />
              <span>{c.kind === 'email' ? t('channelEmail', { target: c.target }) : t('channelWebhook', { label: c.label })}</span>
            </label>
          ))}
          {fe.channelIds ? (
            <p id="rule-channels-error" className="text-xs text-bad" role="alert">
              {tv(fe.channelIds)}
            </p>
          ) : null}
        </fieldset>
        {fe._form ? (
          <p className="text-xs text-bad" role="alert">
            {t('tooManyRules')}
          </p>
        ) : null}
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
