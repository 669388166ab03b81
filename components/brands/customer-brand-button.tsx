'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { setCustomerBrandAction } from '@/lib/actions/brands/set-customer-brand';

/** Adds a customer to the brand, or removes it (brandId empty), one click per row. */
export function CustomerBrandButton({ customerId, brandId, inBrand }: { customerId: string; brandId: string; inBrand: boolean }) {
  const t = useTranslations('Brands');
  const form = useActionForm(setCustomerBrandAction);
  return (
    <ActionForm form={form}>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="brandId" value={inBrand ? '' : brandId} />
      <SubmitButton variant={inBrand ? 'ghost' : 'secondary'} className="px-3 py-1">
        {inBrand ? t('remove') : t('add')}
      </SubmitButton>
    </ActionForm>
  );
}
