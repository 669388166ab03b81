import { useTranslations } from 'next-intl';
import { StatusPage } from '@/components/ui/status-page';

export default function Forbidden() {
  const t = useTranslations('Errors');
  return <StatusPage code={403} title={t('forbiddenTitle')} body={t('forbiddenBody')} />;
}
