'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
import { createTicketAction } from '@/lib/actions/hosting/create-ticket';
import { TICKET_PRIORITIES } from '@/lib/domain/hosting/ticket-sla';

type Option = { id: string; name: string };
type Mode = 'miner' | 'site' | 'customer';

export type NewTicketOptions = {
  /** Set on a miner's page: the ticket is about that miner, no target to choose. */
  miner?: Option;
  sites: Option[];
  customers: Option[];
  /** Null when the viewer may not assign (a customer). */
  assignees: Option[] | null;
  /** A customer files on its own miners or its account, never on a whole site. */
  customerView: boolean;
};

export function NewTicketDialog({ options, triggerLabel }: { options: NewTicketOptions; triggerLabel?: string }) {
  const t = useTranslations('Tickets');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('miner');
  const [state, action, pending] = useActionState<ActionResult<{ id: string; number: number }> | null, FormData>(createTicketAction, null);
  const [, startTransition] = useTransition();
  // Submitted by hand rather than through `action=`: React resets a form after its action, which
  // would wipe the title and description when the server answers with a field error.
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (f: string) => (fe[f] ? tv(fe[f]) : undefined);
  const modes: Mode[] = options.customerView ? ['miner', 'customer'] : ['miner', 'site', 'customer'];

  // Success navigates to the new ticket from the server action itself; only failures come back here.
  useEffect(() => {
    if (state && !state.ok) toast.error(te(state.code));
  }, [state, te]);

  return (
    <Dialog open={open} onOpenChange={setOpen} title={t('newTitle')} closeLabel={tc('close')} trigger={<Button type="button">{triggerLabel ?? t('new')}</Button>}>
      <form onSubmit={submit} className="grid gap-4" noValidate>
        {options.miner ? (
          <>
            <input type="hidden" name="minerId" value={options.miner.id} />
            <p className="text-sm text-muted">{t('aboutMiner', { name: options.miner.name })}</p>
          </>
        ) : (
          <>
            <fieldset className="flex flex-wrap gap-4 text-sm" aria-label={t('target')}>
              {modes.map((m) => (
                <label key={m} className="flex items-center gap-2">
                  <input type="radio" name="_mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="accent-accent" />
                  {t(`targetKind.${m}`)}
                </label>
              ))}
            </fieldset>
            {mode === 'miner' ? (
              <Field id="minerRef" label={t('minerRef')} error={err('minerRef') ?? err('target')}>
                <Input id="minerRef" name="minerRef" maxLength={100} placeholder={t('minerRefHint')} invalid={Boolean(fe.minerRef || fe.target)} autoComplete="off" />
              </Field>
            ) : null}
            {mode === 'site' ? (
              <Field id="siteId" label={t('site')} error={err('siteId') ?? err('target')}>
                <Select id="siteId" name="siteId" defaultValue="" invalid={Boolean(fe.siteId || fe.target)}>
                  <option value="">—</option>
                  {options.sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            {mode === 'customer' ? (
              <Field id="customerId" label={t('customer')} error={err('customerId') ?? err('target')}>
                <Select id="customerId" name="customerId" defaultValue={options.customerView && options.customers.length === 1 ? options.customers[0]!.id : ''} invalid={Boolean(fe.customerId || fe.target)}>
                  <option value="">—</option>
                  {options.customers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
          </>
        )}
        <Field id="title" label={t('titleField')} error={err('title')}>
          <Input id="title" name="title" maxLength={200} required invalid={Boolean(fe.title)} />
        </Field>
        <Field id="body" label={t('body')} error={err('body')}>
          <textarea id="body" name="body" rows={4} maxLength={5000} className="w-full rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink focus:border-accent focus:outline-none" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="priority" label={t('priorityLabel')} error={err('priority')}>
            <Select id="priority" name="priority" defaultValue="normal">
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priorityWithSla.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          {options.assignees ? (
            <Field id="assigneeUserId" label={t('assignee')} error={err('assigneeUserId')}>
              <Select id="assigneeUserId" name="assigneeUserId" defaultValue="" invalid={Boolean(fe.assigneeUserId)}>
                <option value="">{t('unassigned')}</option>
                {options.assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc('cancel')}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? tc('saving') : t('create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
