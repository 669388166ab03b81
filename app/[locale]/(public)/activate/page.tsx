import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { peekOneTimeToken } from '@/lib/auth/one-time-tokens';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { ActivateForm } from './activate-form';

export const generateMetadata = pageTitle('activate');

/** The link in the portal-access e-mail: choose a password, once; a used, expired or unknown link says so. */
export default async function ActivatePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations('Crm.activate');
  const live = token && token.length <= 200 ? await peekOneTimeToken(await getDb(), 'lead_activation', token, new Date()) : null;
  return (
    <main className="mx-auto flex min-h-[60vh] w-full max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-xl font-semibold">{live ? t('title') : t('failed')}</h1>
      {live ? (
        <>
          <p className="text-sm text-muted">{t('intro', { email: live.email })}</p>
          <ActivateForm token={token!} />
        </>
      ) : (
        <>
          <p className="text-sm text-muted">{t('failedBody')}</p>
          <Link href="/login" className="text-sm text-accent hover:underline">
            {t('signIn')}
          </Link>
        </>
      )}
    </main>
  );
}
