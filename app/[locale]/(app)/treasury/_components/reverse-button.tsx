'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { reverseEntryAction } from '@/lib/actions/treasury/reverse-entry';

/** Cancels an entry with a reversing one, after a confirmation; the entry stays in the ledger, marked. */
export function ReverseButton({ entryId }: { entryId: number }) {
  const t = useTranslations('Treasury.reverse');
  const router = useRouter();
  const form = () => {
    const f = new FormData();
    f.set('entryId', String(entryId));
    return f;
  };
  return <ConfirmButton label={t('button')} title={t('title', { id: entryId })} body={t('body')} successMessage={t('done')} onConfirm={() => reverseEntryAction(null, form())} onDone={() => router.refresh()} />;
}
