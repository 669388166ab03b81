'use client';

import { useTranslations } from 'next-intl';
import { type ChangeEvent, useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
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
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const router = useRouter();
  // React resets a form after its action runs; the fields start again from what was sent, so a
  // refused save keeps the user's input.
  const [values, setValues] = useState(initial);
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>((prev, form) => {
    const text = (k: string) => String(form.get(k) ?? '');
    setValues((v) => ({ ...v, subdomain: text('subdomain'), displayName: text('displayName'), primaryColor: text('primaryColor'), accentColor: text('accentColor'), supportEmail: text('supportEmail'), enabled: form.get('enabled') === 'on' }));
    return (initial.id ? updateBrandAction : createBrandAction)(prev, form);
  }, null);
  const [logo, setLogo] = useState(initial.logo);
  const [logoError, setLogoError] = useState<string | null>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const conflict = state && !state.ok && state.code === 'CONFLICT';
  const err = (f: string) => (fe[f] ? (conflict && f === 'subdomain' ? t('subdomainTaken') : tv(fe[f])) : undefined);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(t('saved'));
      router.push(`/hosting/brands/${state.data.id}`);
    } else toast.error(conflict ? t('subdomainTaken') : te(state.code));
  }, [state, t, te, router, conflict]);

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
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <Field id="displayName" label={t('displayName')} error={err('displayName')}>
        <Input id="displayName" name="displayName" defaultValue={values.displayName} maxLength={80} required invalid={Boolean(fe.displayName)} />
      </Field>
      <Field id="subdomain" label={t('subdomain')} error={err('subdomain')}>
        <Input id="subdomain" name="subdomain" defaultValue={values.subdomain} maxLength={63} required autoCapitalize="none" spellCheck={false} invalid={Boolean(fe.subdomain)} />
        <span className="text-xs text-muted">{t('subdomainHint', { example: `acme.${baseDomain}` })}</span>
      </Field>
      <Field id="primaryColor" label={t('primaryColor')} error={err('primaryColor')}>
        <input id="primaryColor" name="primaryColor" type="color" defaultValue={values.primaryColor} className="h-10 w-full cursor-pointer rounded-md border border-line bg-bg" />
      </Field>
      <Field id="accentColor" label={t('accentColor')} error={err('accentColor')}>
        <input id="accentColor" name="accentColor" type="color" defaultValue={values.accentColor} className="h-10 w-full cursor-pointer rounded-md border border-line bg-bg" />
      </Field>
      <Field id="supportEmail" label={t('supportEmail')} error={err('supportEmail')}>
        <Input id="supportEmail" name="supportEmail" type="email" defaultValue={values.supportEmail} maxLength={200} invalid={Boolean(fe.supportEmail)} />
      </Field>
      <label className="flex items-center gap-2 self-end rounded-md border border-line px-3 py-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={values.enabled} />
        {t('enabled')}
      </label>
      <fieldset className="flex flex-col gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm text-muted">{t('logo')}</legend>
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
        <Input
          id="logoUrl"
          aria-label={t('logoUrl')}
          placeholder={t('logoUrl')}
          value={logo.startsWith('data:') ? '' : logo}
          onChange={(e) => setLogo(e.target.value)}
          invalid={Boolean(fe.logo)}
        />
        <span className="text-xs text-muted">{t('logoHint', { kb: LOGO_MAX_BYTES / 1024 })}</span>
        {logoError || fe.logo ? (
          <p className="text-xs text-bad" role="alert">
            {logoError ?? tv(fe.logo!)}
          </p>
        ) : null}
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
