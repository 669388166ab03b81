'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createAnnouncementAction } from '@/lib/actions/crm/create-announcement';

const TIERS = ['STANDARD', 'ENTERPRISE', 'VIP'] as const;
const instant = (local: string) => (local ? new Date(local).toISOString() : '');

/** A new announcement: its audience (site, tier, brand; none = every client) and when it shows. */
export function AnnouncementDialog({ sites, brands }: { sites: FieldOption[]; brands: FieldOption[] }) {
  const t = useTranslations('Crm.announcement');
  return (
    <FormDialog title={t('newTitle')} trigger={<Button>{t('new')}</Button>}>
      {(close) => <AnnouncementForm sites={sites} brands={brands} onDone={close} />}
    </FormDialog>
  );
}

function AnnouncementForm({ sites, brands, onDone }: { sites: FieldOption[]; brands: FieldOption[]; onDone: () => void }) {
  const t = useTranslations('Crm.announcement');
  const tTier = useTranslations('Tier');
  const [publish, setPublish] = useState('');
  const [expires, setExpires] = useState('');
  const form = useActionForm(createAnnouncementAction, { success: () => t('created'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <TextField name="title" label={t('titleField')} required maxLength={200} />
      <TextAreaField name="body" label={t('body')} required rows={5} maxLength={5000} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="siteId" label={t('site')} defaultValue="" empty={t('any')} options={sites} />
        <SelectField name="tier" label={t('tier')} defaultValue="" empty={t('any')} options={TIERS.map((id) => ({ id, name: tTier(id) }))} />
        <SelectField name="brandId" label={t('brand')} defaultValue="" empty={t('any')} options={brands} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="publishLocal" id="publishAt" type="datetime-local" label={t('publishAt')} hint={t('publishHint')} value={publish} onChange={(e) => setPublish(e.target.value)} error={form.errors.publishAt} />
        <TextField name="expiresLocal" id="expiresAt" type="datetime-local" label={t('expiresAt')} value={expires} onChange={(e) => setExpires(e.target.value)} error={form.errors.expiresAt} />
      </div>
      <input type="hidden" name="publishAt" value={instant(publish)} />
      <input type="hidden" name="expiresAt" value={instant(expires)} />
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('publish')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
