import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Link } from '@/lib/i18n/navigation';

/** The 403 / 404 pages: a code, a translated title and body, and the way back. */
export function StatusPage({ code, title, body }: { code: number; title: string; body: string }) {
  const t = useTranslations('Errors');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-5xl font-bold text-accent">{code}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-muted">{body}</p>
      <Link href="/dashboard" className={buttonClass('secondary')}>
        {t('home')}
      </Link>
    </main>
  );
}
