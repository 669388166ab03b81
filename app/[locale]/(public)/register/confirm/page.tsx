import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { confirmLeadEmail } from '@/db/queries/crm/registration';
import { confirmTokenHash } from '@/lib/actions/crm/registration-flow';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('registerConfirm');

/** The link in the sign-up e-mail: confirms the lead's address once; a used or unknown link says so. */
export default async function ConfirmRegistrationPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations('Crm.register');
  const ok = token && token.length <= 100 ? await confirmLeadEmail(await getDb(), confirmTokenHash(token), new Date()) : false;
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center" data-confirmed={ok || undefined}>
      <h1 className="text-xl font-semibold">{ok ? t('confirmed') : t('confirmFailed')}</h1>
      <p className="max-w-md text-sm text-muted">{ok ? t('confirmedBody') : t('confirmFailedBody')}</p>
      <Link href="/" className="text-sm text-accent hover:underline">
        {t('home')}
      </Link>
    </main>
  );
}
