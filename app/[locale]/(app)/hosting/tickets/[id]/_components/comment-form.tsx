'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextAreaField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { addTicketCommentAction } from '@/lib/actions/hosting/add-ticket-comment';

export function CommentForm({ id, canInternal }: { id: string; canInternal: boolean }) {
  const t = useTranslations('Tickets');
  const form = useActionForm(addTicketCommentAction, { success: () => t('commentAdded'), resetOnSuccess: true });
  return (
    <ActionForm form={form} className="grid gap-2">
      <input type="hidden" name="id" value={id} />
      <TextAreaField id="comment-body" name="body" label={t('addComment')} rows={3} maxLength={5000} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canInternal ? (
          <label className="flex items-center gap-2 text-sm text-muted">
            <input type="checkbox" name="internal" className="h-4 w-4 accent-accent" />
            {t('internalNote')}
          </label>
        ) : (
          <span />
        )}
        <SubmitButton>{t('postComment')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
