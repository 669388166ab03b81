'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { syncAllHostingAction } from '@/lib/actions/crm/sync-all-hosting';

/** Runs the batch sync now and says what it did; the page re-renders with the new health. */
export function SyncAllButton() {
  const t = useTranslations('CrmSync.panel');
  const tErr = useTranslations('Errors');
  const [pending, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const click = () =>
    start(async () => {
      const r = await syncAllHostingAction();
      setNote(r.ok ? t('result', r.data) : t('failed', { error: tErr(r.code) }));
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={click} disabled={pending}>
        {pending ? t('syncing') : t('syncAll')}
      </Button>
      <span role="status" className="text-xs text-muted">
        {note}
      </span>
    </div>
  );
}
