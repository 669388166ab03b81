'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { Button } from '@/components/ui/button';
import { deleteWeb3EntryAction } from '@/lib/actions/web3/delete-web3-entry';
import { useRouter } from '@/lib/i18n/navigation';

/** One stored address, wallet or (masked) exchange key, with its removal behind a confirmation. */
export function StoredEntry({ kind, id, title, detail }: { kind: 'address' | 'wallet' | 'exchange'; id: string; title: string; detail: string }) {
  const t = useTranslations('Web3');
  const router = useRouter();
  return (
    <div className="flex items-start justify-between gap-3 rounded-lg border border-line bg-surface p-3">
      <div className="min-w-0">
        <p className="text-sm font-medium">{title}</p>
        <p className="break-all font-mono text-xs text-muted">{detail}</p>
      </div>
      <ConfirmButton
        label={t('remove')}
        title={t('removeTitle')}
        body={t('removeBody', { name: title })}
        successMessage={t('removed')}
        onConfirm={() => deleteWeb3EntryAction(kind, id)}
        onDone={() => router.refresh()}
        trigger={
          <Button variant="ghost" className="px-2 py-1 text-xs" aria-label={`${t('remove')} ${title}`}>
            {t('remove')}
          </Button>
        }
      />
    </div>
  );
}
