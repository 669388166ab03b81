'use client';

import { useTranslations } from 'next-intl';
import { type ChangeEvent, useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, fieldAria, Input } from '@/components/ui/field';
import { createBrandAction } from '@/lib/actions/brands/create-brand';
import { updateBrandAction } from '@/lib/actions/brands/update-brand';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '@/lib/domain/brands/logo';
import { useRouter } from '@/lib/i18n/navigation';

export type BrandFormValues = {
  id?: string;
  subdomain: string;
  displayName: string;
  logo: string;
  primaryColor: string;
  accentColor: string;
  supportEmail: string;
  enabled: boolean;
};

/** Create or edit a brand. An uploaded logo is read in the browser into a data: URL; the server checks its type, bytes and size again. */
export function BrandForm({ initial, baseDomain }: { initial: BrandFormValues; baseDomain: string }) {
  const t = useTranslations('Brands');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(initial.id ? updateBrandAction : createBrandAction, {
    success: () => t('saved'),
    errors: { CONFLICT: t('subdomainTaken') },
    onSuccess: (r) => router.push(`/hosting/brands/${r.id}`),
  });
  const [logo, setLogo] = useState(initial.logo);
  const [logoError, setLogoError] = useState<string | null>(null);
  const logoMessage = logoError ?? form.errors.logo;

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setLogoError(null);
    if (!file) return;
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return setLogoError(t('logoType'));
    if (file.size > LOGO_MAX_BYTES) return setLogoError(t('logoTooLarge', { kb: LOGO_MAX_BYTES / 1024 }));
    const reader = new FileReader();
    reader.onload = () => setLogo(String(reader.result));
    reader.readAsDataURL(file);
  }

  return (
    <ActionForm form={form} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField name="displayName" label={t('displayName')} defaultValue={initial.displayName} maxLength={80} required />
      <TextField name="subdomain" label={t('subdomain')} hint={t('subdomainHint', { example: `acme.${baseDomain}` })} defaultValue={initial.subdomain} maxLength={63} required autoCapitalize="none" spellCheck={false} />
      <ColorField name="primaryColor" label={t('primaryColor')} defaultValue={initial.primaryColor} error={form.errors.primaryColor} />
      <ColorField name="accentColor" label={t('accentColor')} defaultValue={initial.accentColor} error={form.errors.accentColor} />
      <TextField name="supportEmail" label={t('supportEmail')} type="email" defaultValue={initial.supportEmail} maxLength={200} />
      <label className="flex items-center gap-2 self-end rounded-md border border-line px-3 py-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={initial.enabled} />
        {t('enabled')}
      </label>
      <FieldGroup name="logo" legend={t('logo')} error={logoMessage} className="sm:col-span-2">
        <input type="hidden" name="logo" value={logo} />
        <div className="flex flex-wrap items-center gap-3">
          {logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a preview of a data: URL or the brand's own URL
            <img src={logo} alt={t('logoPreview')} className="h-10 w-auto max-w-[10rem] rounded border border-line bg-surface-2 object-contain p-1" />
          ) : (
            <span className="text-sm text-muted">{t('noLogo')}</span>
          )}
          <label className="cursor-pointer rounded-md border border-line px-3 py-2 text-sm hover:bg-surface-2 focus-within:outline focus-within:outline-2 focus-within:outline-accent">
            {t('upload')}
            <input type="file" accept={LOGO_TYPES.join(',')} className="sr-only" onChange={onFile} />
          </label>
          {logo ? (
            <Button type="button" variant="ghost" onClick={() => setLogo('')}>
              {t('removeLogo')}
            </Button>
          ) : null}
        </div>
        <Input id="logoUrl" aria-label={t('logoUrl')} placeholder={t('logoUrl')} value={logo.startsWith('data:') ? '' : logo} onChange={(e) => setLogo(e.target.value)} {...fieldAria('logo', { error: logoMessage })} />
        <span className="text-xs text-muted">{t('logoHint', { kb: LOGO_MAX_BYTES / 1024 })}</span>
      </FieldGroup>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** A native colour picker, sized as a swatch rather than a text box. */
function ColorField({ name, label, defaultValue, error }: { name: string; label: string; defaultValue: string; error?: string }) {
  return (
    <Field id={name} label={label} error={error}>
      <input id={name} name={name} type="color" defaultValue={defaultValue} className="h-10 w-full cursor-pointer rounded-md border border-line bg-bg" {...fieldAria(name, { error })} />
    </Field>
  );
}
