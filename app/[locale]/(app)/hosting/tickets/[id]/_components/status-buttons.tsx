'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { changeTicketStatusAction } from '@/lib/actions/hosting/change-ticket-status';
import type { TicketStatus } from '@/lib/domain/hosting/ticket-status';
import { useActionToast } from './use-action-toast';

/** One button per move the lifecycle allows this viewer from the current status (computed on the server). */
export function StatusButtons({ id, current, next }: { id: string; current: TicketStatus; next: readonly TicketStatus[] }) {
  const t = useTranslations('Tickets');
  const [state, action, pending] = useActionState(changeTicketStatusAction, null);
  useActionToast(state, (d) => t('statusChanged', { status: t(`status.${d.status}`) }));
  if (!next.length) return null;
  return (
    <form action={action} className="flex flex-wrap gap-2">
      <input type="hidden" name="id" value={id} />
      {next.map((s) => (
        <Button key={s} type="submit" name="status" value={s} variant={s === 'open' ? 'secondary' : 'primary'} disabled={pending}>
          {t(s === 'open' && current !== 'open' ? 'move.reopen' : `move.${s}`)}
        </Button>
      ))}
    </form>
  );
}
