'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
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
  /** Prefilled fields (an alert's "open ticket": its title, its details, a priority from its severity). */
  defaults?: { title: string; body: string; priority: (typeof TICKET_PRIORITIES)[number] };
};

export function NewTicketDialog({ options, triggerLabel, triggerVariant }: { options: NewTicketOptions; triggerLabel?: string; triggerVariant?: 'secondary' | 'ghost' }) {
  const t = useTranslations('Tickets');
  return (
    <FormDialog
      title={t('newTitle')}
      trigger={
        <Button type="button" variant={triggerVariant} className={triggerVariant ? 'px-2 py-1 text-xs' : undefined}>
          {triggerLabel ?? t('new')}
        </Button>
      }
    >
      {(close) => <NewTicketForm options={options} onCancel={close} />}
    </FormDialog>
  );
}

/** Success navigates to the new ticket from the server action itself; only failures come back here. */
function NewTicketForm({ options, onCancel }: { options: NewTicketOptions; onCancel: () => void }) {
  const t = useTranslations('Tickets');
  const tc = useTranslations('Common');
  const [mode, setMode] = useState<Mode>('miner');
  const form = useActionForm(createTicketAction);
  // A target the server could not resolve is reported on `target`, whichever kind was chosen.
  const target = (field: string) => form.errors[field] ?? form.errors.target;
  const modes: Mode[] = options.customerView ? ['miner', 'customer'] : ['miner', 'site', 'customer'];
  return (
    <ActionForm form={form} className="grid gap-4">
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
          {mode === 'miner' ? <TextField name="minerRef" label={t('minerRef')} error={target('minerRef')} maxLength={100} placeholder={t('minerRefHint')} autoComplete="off" /> : null}
          {mode === 'site' ? <SelectField name="siteId" label={t('site')} error={target('siteId')} defaultValue="" empty="—" options={options.sites} /> : null}
          {mode === 'customer' ? (
            <SelectField name="customerId" label={t('customer')} error={target('customerId')} defaultValue={options.customerView && options.customers.length === 1 ? options.customers[0]!.id : ''} empty="—" options={options.customers} />
          ) : null}
        </>
      )}
      <TextField name="title" label={t('titleField')} maxLength={200} required defaultValue={options.defaults?.title} />
      <TextAreaField name="body" label={t('body')} rows={options.defaults ? 7 : 4} maxLength={5000} defaultValue={options.defaults?.body} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="priority" label={t('priorityLabel')} defaultValue={options.defaults?.priority ?? 'normal'} options={TICKET_PRIORITIES.map((p) => ({ id: p, name: t(`priorityWithSla.${p}`) }))} />
        {options.assignees ? <SelectField name="assigneeUserId" label={t('assignee')} defaultValue="" empty={t('unassigned')} options={options.assignees} /> : null}
      </div>
      <DialogActions onCancel={onCancel}>
        <SubmitButton pendingLabel={tc('saving')}>{t('create')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
