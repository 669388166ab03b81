'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { revokeApiTokenAction } from '@/lib/actions/api-tokens/revoke-api-token';

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('ApiTokens');
  return <ConfirmButton label={t('revoke')} title={t('revokeTitle', { name })} body={t('revokeBody')} successMessage={t('revokedToast')} onConfirm={() => revokeApiTokenAction(id)} />;
}
