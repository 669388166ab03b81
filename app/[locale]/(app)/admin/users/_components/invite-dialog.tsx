'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { NewSecret } from '@/components/form/new-secret';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { inviteUserAction } from '@/lib/actions/admin/invite-user';
import { useRouter } from '@/lib/i18n/navigation';
import { MemberFields, type MemberFormOptions } from './member-fields';

/** Invites someone by e-mail with a role no higher than the inviter's (the server checks it again). */
export function InviteDialog({ options }: { options: MemberFormOptions }) {
  const t = useTranslations('Users');
  return (
    <FormDialog title={t('invite')} trigger={<Button>{t('invite')}</Button>}>
      {(close) => <InviteForm options={options} onDone={close} />}
    </FormDialog>
  );
}

function InviteForm({ options, onDone }: { options: MemberFormOptions; onDone: () => void }) {
  const t = useTranslations('Users');
  const tc = useTranslations('Common');
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const form = useActionForm(inviteUserAction, {
    success: (d) => (d.sent ? t('inviteSent') : t('inviteNotSent')),
    onSuccess: (d) => {
      router.refresh();
      if (d.link) setLink(d.link);
      else onDone();
    },
  });
  if (link) {
    return (
      <div className="flex flex-col gap-4">
        <NewSecret note={t('inviteLinkNote')} secret={link} testId="invite-link" />
        <DialogActions onCancel={onDone}>{null}</DialogActions>
      </div>
    );
  }
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <TextField id="invite-email" name="email" type="email" label={t('email')} maxLength={200} autoComplete="off" />
      <TextField id="invite-name" name="name" label={t('name')} maxLength={80} />
      <MemberFields idPrefix="invite" options={options} withCustomer />
      <SelectField id="invite-locale" name="locale" label={t('language')} options={[{ id: 'en', name: 'English' }, { id: 'zh', name: '中文' }]} />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{t('sendInvite')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
