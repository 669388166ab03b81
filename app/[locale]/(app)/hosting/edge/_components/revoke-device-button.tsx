'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { revokeDeviceTokenAction } from '@/lib/actions/edge/revoke-device-token';

export function RevokeDeviceButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('Edge');
  return <ConfirmButton label={t('revoke')} title={t('revokeTitle', { name })} body={t('revokeBody')} successMessage={t('revoked')} onConfirm={() => revokeDeviceTokenAction(id)} />;
}
