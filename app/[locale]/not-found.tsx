import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Link } from '@/lib/i18n/navigation';

export default function NotFound() {
  const t = useTranslations('Errors');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-5xl font-bold text-accent">404</p>
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-sm text-muted">{t('notFoundBody')}</p>
      <Link href="/dashboard" className={buttonClass('secondary')}>
        {t('home')}
      </Link>
    </main>
  );
}
