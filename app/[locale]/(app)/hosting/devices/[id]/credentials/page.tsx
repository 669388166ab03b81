import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { sealingKeyForMiner } from '@/db/queries/edge/credentials';
import { getMiner } from '@/db/queries/hosting/miners';
import { Link } from '@/lib/i18n/navigation';
import { keyFingerprint } from '@/lib/edge/crypto/fingerprint';
import { SealCredentialForm } from './_components/seal-credential-form';

export const generateMetadata = pageTitle('minerCredentials');

/**
 * Miner credentials are sealed in this page's browser to the site collector's public key; the server
 * receives and stores only ciphertext and has no key that opens it.
 */
export default async function MinerCredentialsPage(props: ItemPageProps) {
  const { id, actor } = await openItemPage(props, 'remote:execute', 'FULL');
  const db = await getDb();
  const [miner, key, t] = await Promise.all([getMiner(db, actor.scope, id, { hostCosts: false }), sealingKeyForMiner(db, actor.scope, id), getTranslations('MinerCredentials')]);
  if (!miner) notFound();
  return (
    <>
      <PageHeader title={t('title', { name: miner.name })} subtitle={t('subtitle')} />
      <p className="mb-4 text-sm">
        <Link href={`/hosting/devices/${miner.id}`} className="text-accent hover:underline">
          {t('back')}
        </Link>
      </p>
      <Card title={t('formTitle')}>
        {key ? (
          <SealCredentialForm
            minerId={miner.id}
            tenantId={actor.orgId}
            siteId={key.siteId}
            publicKey={key.publicKey}
            keyVersion={key.keyVersion}
            nextCounter={key.nextCounter}
            fingerprint={keyFingerprint(key.publicKey)}
          />
        ) : (
          <EmptyState title={t('noKeyTitle', { site: miner.siteName })} hint={t('noKeyHint')} />
        )}
      </Card>
    </>
  );
}
