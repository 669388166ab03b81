'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
import { linkPoolWorkerAction } from '@/lib/actions/pool/link-pool-worker';
import { searchLinkMinersAction } from '@/lib/actions/pool/search-link-miners';
import { unlinkPoolWorkerAction } from '@/lib/actions/pool/unlink-pool-worker';

type Miner = { id: string; name: string; workerName: string | null; site: string; linkedTo: string | null };

/**
 * Fixes one worker's link by hand: search a hosted miner and link it, mark the worker as having no
 * miner, or hand it back to the account's pattern. Every choice is a server action that re-checks scope.
 */
export function LinkDialog({ accountId, workerName, minerName, source }: { accountId: string; workerName: string; minerName: string | null; source: string | null }) {
  const t = useTranslations('Pool.links');
  const tc = useTranslations('Common');
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Miner[] | null>(null);
  const { pending, run } = useActionCall();
  const search = () => run(() => searchLinkMinersAction({ q }), { onSuccess: setFound });
  const change = (call: () => Promise<ActionResult<unknown>>, done: string) => run(call, { success: () => done, onSuccess: () => setOpen(false) });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t('dialogTitle', { worker: workerName })}
      closeLabel={tc('close')}
      trigger={
        <Button variant="secondary" type="button" className="px-2 py-1 text-xs" aria-label={t('editFor', { worker: workerName })}>
          {minerName ? t('change') : t('link')}
        </Button>
      }
    >
      <p className="mb-3 text-sm text-muted">{minerName ? t('currentlyLinked', { miner: minerName, source: t(`source.${source === 'manual' ? 'manual' : 'pattern'}`) }) : t('currentlyNone')}</p>
      <form
        className="mb-3 flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) search();
        }}
      >
        <Input id="miner-search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchMiner')} aria-label={t('searchMiner')} maxLength={100} autoFocus />
        <Button type="submit" variant="secondary" disabled={pending || !q.trim()}>
          {tc('search')}
        </Button>
      </form>
      {found !== null ? (
        found.length === 0 ? (
          <p className="mb-3 text-sm text-muted">{t('noMinerFound')}</p>
        ) : (
          <ul className="mb-3 max-h-64 divide-y divide-line overflow-y-auto rounded-md border border-line" aria-label={t('results')}>
            {found.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{m.name}</span> <span className="text-xs text-muted">· {m.site}</span>
                  {m.linkedTo ? <span className="block text-xs text-warn">{t('takenBy', { worker: m.linkedTo })}</span> : null}
                </span>
                <Button type="button" className="px-2 py-1 text-xs" disabled={pending} onClick={() => change(() => linkPoolWorkerAction({ accountId, workerName, minerId: m.id }), t('linkedOk', { miner: m.name }))}>
                  {t('linkTo')}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="flex flex-wrap justify-end gap-2 border-t border-line pt-3">
        {source === 'manual' ? (
          <Button type="button" variant="ghost" disabled={pending} onClick={() => change(() => unlinkPoolWorkerAction({ accountId, workerName, mode: 'pattern' }), t('patternOk'))}>
            {t('usePattern')}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" disabled={pending} onClick={() => change(() => unlinkPoolWorkerAction({ accountId, workerName, mode: 'none' }), t('noneOk'))}>
          {t('markNone')}
        </Button>
      </div>
    </Dialog>
  );
}
