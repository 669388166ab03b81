'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('Errors');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center" role="alert">
      <h1 className="text-xl font-semibold">{t('errorTitle')}</h1>
      <p className="text-sm text-muted">{t('errorBody')}</p>
      <Button variant="secondary" onClick={reset}>
        {t('retry')}
      </Button>
    </main>
  );
}
