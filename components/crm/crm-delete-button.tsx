'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { Button } from '@/components/ui/button';
import { deleteContactAction } from '@/lib/actions/crm/delete-contact';
import { deleteDealAction } from '@/lib/actions/crm/delete-deal';
import { deleteNoteAction } from '@/lib/actions/crm/delete-note';
import { useRouter } from '@/lib/i18n/navigation';

type Target = { kind: 'contact'; id: string; name: string } | { kind: 'note'; id: string } | { kind: 'deal'; id: string; version: number; name: string };

/** Deletes a contact, a note or a deal behind a confirmation dialog (a deal at the version the page saw). */
export function CrmDeleteButton({ target }: { target: Target }) {
  const t = useTranslations(`Crm.${target.kind}`);
  const router = useRouter();
  const name = 'name' in target ? target.name : '';
  const run = () => (target.kind === 'contact' ? deleteContactAction({ id: target.id }) : target.kind === 'note' ? deleteNoteAction({ id: target.id }) : deleteDealAction({ id: target.id, version: target.version }));
  return (
    <ConfirmButton
      label={t('delete')}
      title={t('deleteTitle', { name })}
      body={t('deleteBody', { name })}
      successMessage={t('deleted')}
      onConfirm={run}
      onDone={() => router.refresh()}
      trigger={
        <Button variant="secondary" type="button" className="px-2 py-1 text-xs" aria-label={t('deleteTitle', { name })}>
          {t('delete')}
        </Button>
      }
    />
  );
}
