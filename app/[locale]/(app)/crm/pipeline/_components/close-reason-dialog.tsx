'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { DialogActions } from '@/components/form/form-dialog';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { type DealStage, needsReason } from '@/lib/domain/crm/pipeline';

/** Asks why a deal is won or lost before the move is sent; a lost deal must say why. */
export function CloseReasonDialog({ title, stage, onCancel, onConfirm }: { title: string; stage: DealStage; onCancel: () => void; onConfirm: (reason: string | null) => void }) {
  const t = useTranslations('Crm.pipeline');
  const ts = useTranslations('Crm.stage');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const required = needsReason(stage);
  const confirm = () => {
    const text = reason.trim();
    if (required && !text) return setError(tv('required'));
    onConfirm(text || null);
  };
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onCancel())} title={t('reasonTitle', { title, stage: ts(stage) })} closeLabel={tc('close')}>
      <form
        className="grid gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <Field id="close-reason" label={required ? t('lossReason') : t('winReason')} error={error}>
          <Textarea id="close-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} autoFocus />
        </Field>
        <DialogActions onCancel={onCancel}>
          <Button type="submit">{t('confirmMove', { stage: ts(stage) })}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
