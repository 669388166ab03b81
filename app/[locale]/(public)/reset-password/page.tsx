import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PublicCard } from '@/components/shell/public-card';
import { getDb } from '@/db';
import { peekOneTimeToken } from '@/lib/auth/one-time-tokens';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { SetPasswordForm } from './set-password-form';

export const generateMetadata = pageTitle('resetPassword');

/** The reset link from the e-mail: a new password, after which every session and API token of the account ends. */
export default async function ResetPasswordPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token = '' } = await searchParams;
  const t = await getTranslations('AccountLinks');
  const row = token.length <= 200 ? await peekOneTimeToken(await getDb(), 'password_reset', token, new Date()) : null;
  return (
    <PublicCard>
      {row ? (
        <>
          <h1 className="mb-2 text-xl font-semibold">{t('resetTitle')}</h1>
          <p className="mb-4 text-sm text-muted">{t('resetBody', { email: row.email })}</p>
          <SetPasswordForm kind="reset" token={token} />
        </>
      ) : (
        <>
          <h1 className="mb-2 text-xl font-semibold">{t('linkInvalidTitle')}</h1>
          <p className="mb-4 text-sm text-muted">{t('resetInvalid')}</p>
          <Link href="/forgot-password" className="text-sm text-accent hover:underline">
            {t('askAgain')}
          </Link>
        </>
      )}
    </PublicCard>
  );
}
