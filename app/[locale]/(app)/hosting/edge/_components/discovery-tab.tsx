import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { DiscoveryPanel } from './discovery-panel';

export async function DiscoveryTab({ actor }: { actor: Actor }) {
  const t = await getTranslations('Edge.discovery');
  if (!can(actor.role, 'hosting:edge', 'FULL')) return <p className="text-sm text-muted">{t('readOnly')}</p>;
  const sites = await listSiteOptions(await getDb(), actor.scope);
  return (
    <Card title={t('title')}>
      <DiscoveryPanel sites={sites} />
    </Card>
  );
}
