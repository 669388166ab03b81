'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { saveStrikePlanAction } from '@/lib/actions/power/save-strike-plan';
import type { StrikeConfig } from '@/lib/domain/power/curtailment/strike';
import { useRouter } from '@/lib/i18n/navigation';

export type StrikePlanValues = {
  id: string;
  siteId: string;
  name: string;
  enabled: boolean;
  strategy: string;
  targetKind: string;
  targetKw: string;
  perMinute: number;
  feedKind: string;
  feedUrl: string | null;
  strike: StrikeConfig;
};

type Option = { id: string; name: string };

/** Creates a strike plan, or edits `plan`: price source, strikes (fixed or the hashprice break-even), N above / M below, target. */
export function StrikePlanDialog({ sites, strategies, plan }: { sites: Option[]; strategies: string[]; plan?: StrikePlanValues }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog
      title={plan ? t('plans.editTitle', { name: plan.name }) : t('plans.new')}
      trigger={
        <Button variant={plan ? 'ghost' : 'secondary'} data-testid={plan ? 'edit-strike-plan' : 'new-strike-plan'}>
          {plan ? t('edit') : t('plans.new')}
        </Button>
      }
    >
      {(close) => <StrikePlanForm sites={sites} strategies={strategies} plan={plan} onDone={close} />}
    </FormDialog>
  );
}

const strikeNumber = (s: StrikeConfig['high'] | undefined) => (s === undefined ? '' : s.kind === 'fixed' ? String(s.usdPerMwh) : String(s.marginUsdPerMwh ?? 0));

function StrikePlanForm({ sites, strategies, plan, onDone }: { sites: Option[]; strategies: string[]; plan?: StrikePlanValues; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Curtailment');
  const tCommon = useTranslations('Common');
  const router = useRouter();
  const [feedKind, setFeedKind] = useState(plan?.feedKind ?? 'manual');
  const [highKind, setHighKind] = useState<string>(plan?.strike.high.kind ?? 'fixed');
  const [lowKind, setLowKind] = useState<string>(plan?.strike.low.kind ?? 'fixed');
  const form = useActionForm(saveStrikePlanAction, {
    success: () => t('plans.saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const strikeKinds = [
    { id: 'fixed', name: t('plans.strikeFixed') },
    { id: 'break_even', name: t('plans.strikeBreakEven') },
  ];
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2">
      {plan ? <input type="hidden" name="id" value={plan.id} /> : null}
      {plan ? <input type="hidden" name="siteId" value={plan.siteId} /> : <SelectField id="sp-site" name="siteId" label={tc('site')} options={sites} />}
      <TextField id="sp-name" name="name" label={t('plans.name')} defaultValue={plan?.name ?? ''} maxLength={100} required />
      <SelectField id="sp-feed" name="feedKind" label={t('plans.feedKind')} value={feedKind} onChange={(e) => setFeedKind(e.target.value)} options={['manual', 'csv', 'http'].map((k) => ({ id: k, name: t(`feedKinds.${k}`) }))} />
      {feedKind === 'http' ? <TextField id="sp-url" name="feedUrl" label={t('plans.feedUrl')} type="url" placeholder="https://" defaultValue={plan?.feedUrl ?? ''} hint={t('plans.feedUrlHint')} /> : <p className="self-end text-xs text-muted">{t('plans.pricesHint')}</p>}
      <SelectField id="sp-high-kind" name="highKind" label={t('plans.highKind')} value={highKind} onChange={(e) => setHighKind(e.target.value)} options={strikeKinds} />
      <TextField id="sp-high" name="highUsdPerMwh" label={highKind === 'fixed' ? t('plans.highUsd') : t('plans.margin')} inputMode="decimal" defaultValue={strikeNumber(plan?.strike.high)} />
      <SelectField id="sp-low-kind" name="lowKind" label={t('plans.lowKind')} value={lowKind} onChange={(e) => setLowKind(e.target.value)} options={strikeKinds} />
      <TextField id="sp-low" name="lowUsdPerMwh" label={lowKind === 'fixed' ? t('plans.lowUsd') : t('plans.margin')} inputMode="decimal" defaultValue={strikeNumber(plan?.strike.low)} />
      <TextField id="sp-n" name="curtailAfter" label={t('plans.curtailAfter')} inputMode="numeric" defaultValue={String(plan?.strike.curtailAfter ?? 3)} hint={t('plans.windowsHint')} />
      <TextField id="sp-m" name="resumeAfter" label={t('plans.resumeAfter')} inputMode="numeric" defaultValue={String(plan?.strike.resumeAfter ?? 3)} hint={t('plans.windowsHint')} />
      <SelectField id="sp-strategy" name="strategy" label={tc('strategy')} defaultValue={plan?.strategy} options={strategies.map((s) => ({ id: s, name: tc(`strategies.${s}`) }))} />
      <SelectField id="sp-kind" name="targetKind" label={tc('targetKind')} defaultValue={plan?.targetKind ?? 'reduction'} options={[{ id: 'reduction', name: tc('kind.reduction') }, { id: 'cap', name: tc('kind.cap') }]} />
      <TextField id="sp-kw" name="targetKw" label={tc('targetKw')} inputMode="decimal" defaultValue={plan ? String(Number(plan.targetKw)) : ''} required />
      <TextField id="sp-per-minute" name="perMinute" label={tc('perMinute')} inputMode="numeric" defaultValue={String(plan?.perMinute ?? 100)} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="enabled" defaultChecked={plan?.enabled ?? true} className="size-4 accent-[var(--color-accent)]" /> {t('plans.enabled')}
      </label>
      <div className="sm:col-span-2">
        <DialogActions onCancel={onDone}>
          <SubmitButton pendingLabel={tCommon('saving')}>{tCommon('save')}</SubmitButton>
        </DialogActions>
      </div>
    </ActionForm>
  );
}
