'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { setMinerStatusAction } from '@/lib/actions/hosting/set-miner-status';
import { MINER_STATUSES } from '@/lib/validation/hosting';

export function MinerStatusForm({ id, status }: { id: string; status: string }) {
  const t = useTranslations('Miners');
  const ts = useTranslations('Status');
  const form = useActionForm(setMinerStatusAction, { success: (r) => t('statusChanged', { status: ts(r.status) }) });
  return (
    <ActionForm form={form} className="flex items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <SelectField id="miner-status" name="status" label={t('changeStatus')} defaultValue={status} options={MINER_STATUSES.map((s) => ({ id: s, name: ts(s) }))} />
      <SubmitButton variant="secondary">{t('setStatus')}</SubmitButton>
    </ActionForm>
  );
}
