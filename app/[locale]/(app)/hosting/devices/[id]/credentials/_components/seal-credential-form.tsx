'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionCall } from '@/components/form/use-action-call';
import { storeMinerCredentialAction } from '@/lib/actions/edge/store-miner-credential';
import { CREDENTIAL_SCHEMA_VERSION, sealMinerCredential } from '@/lib/edge/crypto/envelope';
import { fromBase64 } from '@/lib/edge/crypto/encoding';

type Props = { minerId: string; tenantId: string; siteId: string; publicKey: string; keyVersion: number; nextCounter: number; fingerprint: string };

/**
 * Seals `username:password` here, in the browser, with a fresh AES-256-GCM key that is itself sealed
 * to the collector's X25519 key; only that blob is sent. The password field is cleared afterwards.
 */
export function SealCredentialForm({ minerId, tenantId, siteId, publicKey, keyVersion, nextCounter, fingerprint }: Props) {
  const t = useTranslations('MinerCredentials');
  const tv = useTranslations('Validation');
  const [counter, setCounter] = useState(nextCounter);
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const { pending, run } = useActionCall();

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next = { username: username ? (username.length > 64 || username.includes(':') ? tv('invalid') : undefined) : tv('required'), password: password ? (password.length > 256 ? tv('tooLong') : undefined) : tv('required') };
    setErrors(next);
    if (next.username || next.password) return;
    const sealed = sealMinerCredential({
      secret: `${username}:${password}`,
      collectorPublicKey: fromBase64(publicKey),
      keyVersion,
      aad: { tenantId, siteId, minerId, counter, schemaVersion: CREDENTIAL_SCHEMA_VERSION },
    });
    (form.elements.namedItem('password') as HTMLInputElement).value = '';
    run(() => storeMinerCredentialAction({ minerId, sealed }), { success: () => t('saved', { counter }), onSuccess: () => setCounter((c) => c + 1) });
  }

  return (
    <form
      className="grid max-w-md gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <TextField id="cred-username" name="username" label={t('username')} error={errors.username} autoComplete="off" defaultValue="root" />
      <TextField id="cred-password" name="password" label={t('password')} error={errors.password} type="password" autoComplete="new-password" />
      <p className="text-xs text-muted" data-testid="collector-key">
        {t('keyLine', { version: keyVersion, fingerprint, counter })}
      </p>
      <div>
        <SubmitButton pending={pending} pendingLabel={t('sealing')}>
          {t('seal')}
        </SubmitButton>
      </div>
      <p className="text-xs text-muted">{t('explain')}</p>
    </form>
  );
}
