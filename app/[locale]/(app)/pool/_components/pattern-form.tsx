'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { setWorkerPatternAction } from '@/lib/actions/pool/set-worker-pattern';

/** An account's worker-name pattern, saved and applied to the newest hour at once. */
export function PatternForm({ accountId, pattern, account }: { accountId: string; pattern: string; account: string }) {
  const t = useTranslations('Pool.links');
  const [value, setValue] = useState(pattern);
  const { pending, run, errors } = useActionCall();
  const save = () => run(() => setWorkerPatternAction({ accountId, workerPattern: value }), { success: (r) => t('patternSaved', { linked: r.linked, unlinked: r.unlinked }) });
  const error = errors.workerPattern ? t('patternInvalid') : null;
  const id = `pattern-${accountId}`;
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="min-w-0 flex-1">
        <input
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={200}
          aria-label={t('patternFor', { account })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-full min-w-40 rounded-md border border-line bg-bg px-2 py-1 font-mono text-xs text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-bad"
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-bad">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={pending || value === pattern}>
        {t('applyPattern')}
      </Button>
    </form>
  );
}
