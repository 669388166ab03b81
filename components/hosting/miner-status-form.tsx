'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { setMinerStatusAction } from '@/lib/actions/hosting/set-miner-status';
import { MINER_STATUSES } from '@/lib/validation/hosting';

export function MinerStatusForm({ id, status }: { id: string; status: string }) {
  const t = useTranslations('Miners');
  const ts = useTranslations('Status');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(setMinerStatusAction, null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(t('statusChanged', { status: ts(state.data.status) }));
    else toast.error(te(state.code));
  }, [state, t, ts, te]);
  return (
    <form action={action} className="flex items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-col gap-1 text-xs text-muted">
        {t('changeStatus')}
        <select name="status" defaultValue={status} className="rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink">
          {MINER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('setStatus')}
      </Button>
    </form>
  );
}
