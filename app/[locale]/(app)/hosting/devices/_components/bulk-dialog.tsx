'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useState } from 'react';
import { DialogActions } from '@/components/form/form-dialog';
import { SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { SelectionPreview } from '@/db/queries/edge/bulk';
import { bulkCommandAction } from '@/lib/actions/edge/bulk-command';
import { bulkPreviewAction } from '@/lib/actions/edge/bulk-preview';
import { bulkMoveAction } from '@/lib/actions/hosting/bulk-move';
import { bulkStatusAction } from '@/lib/actions/hosting/bulk-status';
import { bulkTicketAction } from '@/lib/actions/hosting/bulk-ticket';
import { useRouter } from '@/lib/i18n/navigation';
import type { BulkSelection } from '@/lib/validation/bulk-actions';

export type BulkKind = 'REBOOT' | 'SLEEP' | 'WAKE' | 'POWER' | 'POOL_SET' | 'move' | 'status' | 'ticket';
type Option = { id: string; name: string };
type CommandType = 'REBOOT' | 'SLEEP' | 'WAKE' | 'POWER_MODE' | 'SET_POWER_TARGET' | 'POOL_SET';

const STATUSES = ['active', 'offline', 'maintenance', 'sold'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * The confirmation of a bulk action: it names how many miners the selection holds (counted on the
 * server, under the user's scope) and, for a command, how many of each firmware take it; the ones
 * that do not are listed and skipped. A command batch opens its progress view; a ticket opens itself.
 */
export function BulkDialog({ kind, selection, sites, customers, onClose, onDone }: { kind: BulkKind; selection: BulkSelection; sites: Option[]; customers: Option[]; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('Bulk');
  const te = useTranslations('Edge');
  const tc = useTranslations('Common');
  const ts = useTranslations('Status');
  const tt = useTranslations('Tickets');
  const router = useRouter();
  const [power, setPower] = useState<'POWER_MODE' | 'SET_POWER_TARGET'>('POWER_MODE');
  const type: CommandType | null = kind === 'POWER' ? power : kind === 'move' || kind === 'status' || kind === 'ticket' ? null : kind;
  // Each answer is kept with the question it answers, so a changed command type never shows the last one's counts.
  const asked = JSON.stringify([selection, type]);
  const [answer, setAnswer] = useState<{ asked: string; preview: SelectionPreview | null } | null>(null);
  const preview = answer?.asked === asked ? answer.preview : null;
  const previewError = answer?.asked === asked && answer.preview === null;
  const { pending, run, errors } = useActionCall();

  useEffect(() => {
    let live = true;
    bulkPreviewAction({ selection, type }).then((r) => {
      if (live) setAnswer({ asked, preview: r.ok ? r.data : null });
    });
    return () => {
      live = false;
    };
  }, [asked, selection, type]);

  const title = kind === 'POWER' ? t('title.POWER') : t(`title.${kind}`);
  const acting = type ? (preview?.acting ?? 0) : (preview?.total ?? 0);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    if (type) {
      const params =
        type === 'POWER_MODE' ? { mode: f.mode } : type === 'SET_POWER_TARGET' ? { watts: f.watts } : type === 'POOL_SET' ? { url: f.url, user: f.user, ...(f.password ? { password: f.password } : {}) } : {};
      run(() => bulkCommandAction({ type, params, selection }), {
        success: (d) => t('queuedBatch', { count: d.queued }),
        onSuccess: (d) => {
          onDone();
          router.push(`/hosting/devices/batches/${d.batchId}`);
        },
      });
    } else if (kind === 'move') {
      run(() => bulkMoveAction({ selection, siteId: f.siteId, customerId: f.customerId }), { success: (d) => t('moved', { count: d.updated }), onSuccess: () => (onDone(), router.refresh()) });
    } else if (kind === 'status') {
      run(() => bulkStatusAction({ selection, status: f.status }), { success: (d) => t('statusSet', { count: d.updated }), onSuccess: () => (onDone(), router.refresh()) });
    } else {
      run(() => bulkTicketAction({ selection, title: f.title, body: f.body, priority: f.priority }), {
        success: (d) => t('ticketOpened', { number: d.number, count: d.miners }),
        onSuccess: (d) => (onDone(), router.push(`/hosting/tickets/${d.id}`)),
      });
    }
  }

  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : onClose())} title={title} closeLabel={tc('close')}>
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="bulk-dialog">
        <div aria-live="polite" className="rounded-md border border-line bg-surface-2/50 p-3 text-sm" data-testid="bulk-preview">
          {preview ? (
            <>
              <p className="font-medium">{t('selected', { count: preview.total })}</p>
              {type ? (
                <>
                  <ul className="mt-2 flex flex-col gap-1">
                    {preview.families.map((f) => (
                      <li key={f.family ?? 'unidentified'} className="flex justify-between gap-3">
                        <span>{f.family ? t(`family.${f.family}`) : t('family.unidentified')}</span>
                        <span className={f.support === 'unsupported' ? 'text-warn' : 'text-muted'}>
                          {t(`support.${f.support}`, { count: f.miners })}
                        </span>
                      </li>
                    ))}
                  </ul>
                  <p className="mt-2 font-medium">{t('willAct', { count: preview.acting, skipped: preview.total - preview.acting })}</p>
                  {preview.unsupported.length ? (
                    <details className="mt-1 text-xs text-muted">
                      <summary className="cursor-pointer">{t('skippedList', { count: preview.total - preview.acting })}</summary>
                      <p className="mt-1 font-mono">{preview.unsupported.map((u) => u.name).join(', ')}</p>
                    </details>
                  ) : null}
                </>
              ) : null}
            </>
          ) : previewError ? (
            <p className="text-warn">{t('previewFailed')}</p>
          ) : (
            <p className="text-muted">{tc('loading')}</p>
          )}
        </div>

        {kind === 'POWER' ? (
          <>
            <SelectField id="bulk-power" name="power" label={t('powerHow')} value={power} onChange={(e) => setPower(e.target.value as typeof power)} options={[{ id: 'POWER_MODE', name: te('mode') }, { id: 'SET_POWER_TARGET', name: te('watts') }]} />
            {power === 'POWER_MODE' ? (
              <SelectField id="bulk-mode" name="mode" label={te('mode')} defaultValue="low" error={errors['params.mode']} options={[{ id: 'low', name: te('modeLow') }, { id: 'normal', name: te('modeNormal') }, { id: 'high', name: te('modeHigh') }]} />
            ) : (
              <TextField id="bulk-watts" name="watts" label={te('watts')} inputMode="numeric" required error={errors['params.watts']} />
            )}
          </>
        ) : null}
        {kind === 'POOL_SET' ? (
          <>
            <TextField id="bulk-url" name="url" label={te('poolUrl')} placeholder="stratum+tcp://pool.example:3333" required error={errors['params.url']} />
            <TextField id="bulk-user" name="user" label={te('poolUser')} required error={errors['params.user']} />
            <TextField id="bulk-password" name="password" type="password" autoComplete="off" label={t('poolPassword')} hint={t('poolPasswordHint')} error={errors['params.password']} />
          </>
        ) : null}
        {kind === 'move' ? (
          <>
            <SelectField id="bulk-site" name="siteId" label={t('toSite')} empty={t('keep')} options={sites} error={errors.siteId} />
            <SelectField id="bulk-customer" name="customerId" label={t('toCustomer')} empty={t('keep')} options={[...customers, { id: 'none', name: t('houseOwned') }]} error={errors.customerId} />
          </>
        ) : null}
        {kind === 'status' ? <SelectField id="bulk-status" name="status" label={t('toStatus')} options={STATUSES.map((s) => ({ id: s, name: ts(s) }))} error={errors.status} /> : null}
        {kind === 'ticket' ? (
          <>
            <TextField id="bulk-title" name="title" label={tt('titleField')} required minLength={3} maxLength={200} error={errors.title} />
            <TextAreaField id="bulk-body" name="body" label={tt('body')} rows={3} maxLength={5000} error={errors.body} />
            <SelectField id="bulk-priority" name="priority" label={tt('priorityLabel')} defaultValue="normal" options={PRIORITIES.map((p) => ({ id: p, name: tt(`priorityWithSla.${p}`) }))} error={errors.priority} />
            {errors.sites ? <p className="text-sm text-warn">{t('ticketOneSite')}</p> : null}
            {errors.customers ? <p className="text-sm text-warn">{t('ticketOneCustomer')}</p> : null}
          </>
        ) : null}

        <DialogActions onCancel={onClose}>
          <Button type="submit" disabled={pending || !preview || acting === 0} data-testid="bulk-confirm">
            {t(`confirm.${kind}`, { count: acting })}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
