import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PublicCard } from '@/components/shell/public-card';
import { getDb } from '@/db';
import { peekOneTimeToken } from '@/lib/auth/one-time-tokens';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { SetPasswordForm } from '../reset-password/set-password-form';

export const generateMetadata = pageTitle('invite');

/** The invitation link: the invitee chooses a password; the link is used only when the form is sent. */
export default async function InvitePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token = '' } = await searchParams;
  const t = await getTranslations('AccountLinks');
  const row = token.length <= 200 ? await peekOneTimeToken(await getDb(), 'invite', token, new Date()) : null;
  return (
    <PublicCard>
      {row ? (
        <>
          <h1 className="mb-2 text-xl font-semibold">{t('inviteTitle')}</h1>
          <p className="mb-4 text-sm text-muted">{t('inviteBody', { email: row.email })}</p>
          <SetPasswordForm kind="invite" token={token} />
        </>
      ) : (
        <>
          <h1 className="mb-2 text-xl font-semibold">{t('linkInvalidTitle')}</h1>
          <p className="mb-4 text-sm text-muted">{t('inviteInvalid')}</p>
          <Link href="/login" className="text-sm text-accent hover:underline">
            {t('toSignIn')}
          </Link>
        </>
      )}
    </PublicCard>
  );
}
