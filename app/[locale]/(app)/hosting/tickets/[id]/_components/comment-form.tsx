'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { addTicketCommentAction } from '@/lib/actions/hosting/add-ticket-comment';
import { useActionToast } from './use-action-toast';

export function CommentForm({ id, canInternal }: { id: string; canInternal: boolean }) {
  const t = useTranslations('Tickets');
  const tv = useTranslations('Validation');
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(addTicketCommentAction, null);
  useActionToast(state, () => t('commentAdded'));
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const bodyError = state && !state.ok ? state.fieldErrors?.body : undefined;
  return (
    <form ref={form} action={action} className="grid gap-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <label htmlFor="comment-body" className="text-sm text-muted">
        {t('addComment')}
      </label>
      <textarea
        id="comment-body"
        name="body"
        rows={3}
        maxLength={5000}
        aria-invalid={Boolean(bodyError) || undefined}
        className="w-full rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-bad"
      />
      {bodyError ? (
        <p className="text-xs text-bad" role="alert">
          {tv(bodyError)}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canInternal ? (
          <label className="flex items-center gap-2 text-sm text-muted">
            <input type="checkbox" name="internal" className="h-4 w-4 accent-accent" />
            {t('internalNote')}
          </label>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={pending}>
          {t('postComment')}
        </Button>
      </div>
    </form>
  );
}
