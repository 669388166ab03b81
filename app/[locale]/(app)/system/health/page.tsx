import { redirect } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('system');

/** The health page grew into /system (monitoring); old links and bookmarks land there. */
export default async function HealthPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  redirect({ href: '/system', locale });
}
