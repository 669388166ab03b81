import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Link } from '@/lib/i18n/navigation';

export default function Forbidden() {
  const t = useTranslations('Errors');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-5xl font-bold text-accent">403</p>
      <h1 className="text-xl font-semibold">{t('forbiddenTitle')}</h1>
      <p className="text-sm text-muted">{t('forbiddenBody')}</p>
      <Link href="/dashboard" className={buttonClass('secondary')}>
        {t('home')}
      </Link>
    </main>
  );
}
