import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

const TIER_TONE = { STANDARD: 'muted', ENTERPRISE: 'accent', VIP: 'warn' } as const;

export function TierBadge({ tier }: { tier: keyof typeof TIER_TONE }) {
  const t = useTranslations('Tier');
  return <Badge tone={TIER_TONE[tier]}>{t(tier)}</Badge>;
}
