'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { markAnnouncementReadAction } from '@/lib/actions/crm/mark-announcement-read';

export function MarkReadButton({ id }: { id: string }) {
  const t = useTranslations('Crm.announcement');
  const form = useActionForm(markAnnouncementReadAction);
  return (
    <ActionForm form={form} className="mt-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="ghost" className="px-2 py-1 text-xs">
        {t('markRead')}
      </SubmitButton>
    </ActionForm>
  );
}
