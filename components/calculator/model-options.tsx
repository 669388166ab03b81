'use client';

import { useLocale } from 'next-intl';
import { formatHashrate, formatPower } from '@/lib/format';
import type { CatalogueModel } from './types';

/** The catalogue's models as <option>s: "name — hashrate · power", as every model picker shows them. */
export function ModelOptions({ models }: { models: readonly Pick<CatalogueModel, 'id' | 'name' | 'hashrateThs' | 'powerW'>[] }) {
  const locale = useLocale();
  return models.map((m) => (
    <option key={m.id} value={m.id}>
      {m.name} — {formatHashrate(m.hashrateThs, locale)} · {formatPower(m.powerW, locale)}
    </option>
  ));
}
