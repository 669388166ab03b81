import { useTranslations } from 'next-intl';
import { StatusPage } from '@/components/ui/status-page';

export default function NotFound() {
  const t = useTranslations('Errors');
  return <StatusPage code={404} title={t('notFoundTitle')} body={t('notFoundBody')} />;
}
