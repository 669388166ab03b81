'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmButton } from '@/components/form/confirm-button';
import { SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { deleteUserAction } from '@/lib/actions/admin/delete-user';
import { sendPasswordResetAction } from '@/lib/actions/admin/send-password-reset';
import { setUserDisabledAction } from '@/lib/actions/admin/set-user-disabled';
import { updateUserAction } from '@/lib/actions/admin/update-user';
import type { Role } from '@/lib/core/roles';
import { useRouter } from '@/lib/i18n/navigation';
import { MemberFields, type MemberFormOptions } from './member-fields';

export type UserRow = { id: string; email: string; name: string; role: Role; siteIds: string[]; accessUntil: string | null; disabled: boolean };
export type RowPermissions = { edit: boolean; disable: boolean; delete: boolean };

/** A member's row actions, each shown only where the viewer may use it (the server checks again). */
export function UserActions({ user, options, can }: { user: UserRow; options: MemberFormOptions; can: RowPermissions }) {
  const t = useTranslations('Users');
  const router = useRouter();
  const small = 'px-2 py-1 text-xs';
  return (
    <div className="flex flex-wrap gap-1">
      {can.edit ? (
        <FormDialog title={t('editTitle', { email: user.email })} trigger={<Button variant="ghost" className={small} aria-label={`${t('edit')} ${user.email}`}>{t('edit')}</Button>}>
          {(close) => <EditForm user={user} options={options} onDone={close} />}
        </FormDialog>
      ) : null}
      {can.disable ? (
        <ConfirmButton
          label={user.disabled ? t('enable') : t('disable')}
          title={user.disabled ? t('enableTitle') : t('disableTitle')}
          body={user.disabled ? t('enableBody', { email: user.email }) : t('disableBody', { email: user.email })}
          successMessage={user.disabled ? t('enabled') : t('disabledDone')}
          onConfirm={() => setUserDisabledAction(user.id, !user.disabled)}
          onDone={() => router.refresh()}
          trigger={<Button variant="ghost" className={small} aria-label={`${user.disabled ? t('enable') : t('disable')} ${user.email}`}>{user.disabled ? t('enable') : t('disable')}</Button>}
        />
      ) : null}
      {can.edit && !user.disabled ? (
        <ConfirmButton
          label={t('sendReset')}
          title={t('sendResetTitle')}
          body={t('sendResetBody', { email: user.email })}
          successMessage={t('resetSent')}
          onConfirm={() => sendPasswordResetAction(user.id)}
          trigger={<Button variant="ghost" className={small} aria-label={`${t('sendReset')} ${user.email}`}>{t('sendReset')}</Button>}
        />
      ) : null}
      {can.delete ? (
        <ConfirmButton
          label={t('delete')}
          title={t('deleteTitle')}
          body={t('deleteBody', { email: user.email })}
          successMessage={t('deleted')}
          onConfirm={() => deleteUserAction(user.id)}
          onDone={() => router.refresh()}
          trigger={<Button variant="ghost" className={`${small} text-bad`} aria-label={`${t('delete')} ${user.email}`}>{t('delete')}</Button>}
        />
      ) : null}
    </div>
  );
}

function EditForm({ user, options, onDone }: { user: UserRow; options: MemberFormOptions; onDone: () => void }) {
  const t = useTranslations('Users');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(updateUserAction, {
    success: () => t('saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="userId" value={user.id} />
      <TextField id={`edit-name-${user.id}`} name="name" label={t('name')} defaultValue={user.name} maxLength={80} />
      <MemberFields idPrefix={`edit-${user.id}`} options={options} initial={{ role: user.role, siteIds: user.siteIds, accessUntil: user.accessUntil }} />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
