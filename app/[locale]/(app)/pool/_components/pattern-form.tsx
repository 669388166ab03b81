'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { setWorkerPatternAction } from '@/lib/actions/pool/set-worker-pattern';

/** An account's worker-name pattern, saved and applied to the newest hour at once. */
export function PatternForm({ accountId, pattern, account }: { accountId: string; pattern: string; account: string }) {
  const t = useTranslations('Pool.links');
  const te = useTranslations('Errors');
  const [value, setValue] = useState(pattern);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const r = await setWorkerPatternAction({ accountId, workerPattern: value });
      if (r.ok) {
        setError(null);
        toast.success(t('patternSaved', { linked: r.data.linked, unlinked: r.data.unlinked }));
      } else {
        setError(r.fieldErrors?.workerPattern ? t('patternInvalid') : te(r.code));
      }
    });
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
