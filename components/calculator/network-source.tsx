'use client';

import { FreshnessBadge } from '@/components/market/freshness-client';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';

/** Where the default network values came from and when: "Current" under 15 minutes, else "As of <date> · <sources>". */
export function NetworkSource({ snapshot }: { snapshot: NetworkSnapshot }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="network-source">
      <FreshnessBadge snapshot={snapshot} />
    </div>
  );
}
