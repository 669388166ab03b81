'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { logActivityAction } from '@/lib/actions/crm/log-activity';
import { ACTIVITY_KINDS, type ActivityKind } from '@/lib/domain/crm/activity';

/** Logs a call, meeting or e-mail, or sets a task with its due time, on a customer or a lead. */
export function ActivityDialog({ target, staff }: { target: { customerId?: string; leadId?: string }; staff: FieldOption[] | null }) {
  const t = useTranslations('Crm.activity');
  return (
    <FormDialog
      title={t('newTitle')}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs">
          {t('new')}
        </Button>
      }
    >
      {(close) => <ActivityForm target={target} staff={staff} onDone={close} />}
    </FormDialog>
  );
}

function ActivityForm({ target, staff, onDone }: { target: { customerId?: string; leadId?: string }; staff: FieldOption[] | null; onDone: () => void }) {
  const t = useTranslations('Crm.activity');
  const [kind, setKind] = useState<ActivityKind>('call');
  const [dueLocal, setDueLocal] = useState('');
  const form = useActionForm(logActivityAction, { success: () => t('logged'), onSuccess: onDone });
  // The browser's local time, sent as an instant, so a task is due when its owner meant it.
  const dueAt = dueLocal ? new Date(dueLocal).toISOString() : '';
  return (
    <ActionForm form={form} className="grid gap-4">
      {target.customerId ? <input type="hidden" name="customerId" value={target.customerId} /> : null}
      {target.leadId ? <input type="hidden" name="leadId" value={target.leadId} /> : null}
      <SelectField name="kind" label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)} options={ACTIVITY_KINDS.map((k) => ({ id: k, name: t(`kinds.${k}`) }))} />
      <TextField name="subject" label={t('subject')} required maxLength={200} />
      <TextAreaField name="body" label={t('body')} rows={3} maxLength={5000} />
      {kind === 'task' ? (
        <>
          <TextField name="dueLocal" id="dueAt" type="datetime-local" label={t('due')} required value={dueLocal} onChange={(e) => setDueLocal(e.target.value)} error={form.errors.dueAt} />
          <input type="hidden" name="dueAt" value={dueAt} />
          {staff ? <SelectField name="ownerUserId" label={t('owner')} defaultValue="" empty={t('ownerMe')} options={staff} /> : null}
        </>
      ) : null}
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
