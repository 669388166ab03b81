'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action';
import { setCustomerBrandAction } from '@/lib/actions/brands/set-customer-brand';

/** Adds a customer to the brand, or removes it (brandId empty), one click per row. */
export function CustomerBrandButton({ customerId, brandId, inBrand }: { customerId: string; brandId: string; inBrand: boolean }) {
  const t = useTranslations('Brands');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>(setCustomerBrandAction, null);
  useEffect(() => {
    if (state && !state.ok) toast.error(te(state.code));
  }, [state, te]);
  return (
    <form action={action}>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="brandId" value={inBrand ? '' : brandId} />
      <Button type="submit" variant={inBrand ? 'ghost' : 'secondary'} disabled={pending} className="px-3 py-1">
        {inBrand ? t('remove') : t('add')}
      </Button>
    </form>
  );
}
