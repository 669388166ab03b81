'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { changeTicketStatusAction } from '@/lib/actions/hosting/change-ticket-status';
import type { TicketStatus } from '@/lib/domain/hosting/ticket-status';

/** One button per move the lifecycle allows this viewer from the current status (computed on the server). */
export function StatusButtons({ id, current, next }: { id: string; current: TicketStatus; next: readonly TicketStatus[] }) {
  const t = useTranslations('Tickets');
  const form = useActionForm(changeTicketStatusAction, { success: (r) => t('statusChanged', { status: t(`status.${r.status}`) }) });
  if (!next.length) return null;
  return (
    <ActionForm form={form} className="flex flex-wrap gap-2">
      <input type="hidden" name="id" value={id} />
      {next.map((s) => (
        <SubmitButton key={s} name="status" value={s} variant={s === 'open' ? 'secondary' : 'primary'}>
          {t(s === 'open' && current !== 'open' ? 'move.reopen' : `move.${s}`)}
        </SubmitButton>
      ))}
    </ActionForm>
  );
}
