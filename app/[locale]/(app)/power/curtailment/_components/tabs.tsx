import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

const TABS = [
  { key: 'run', href: '/power/curtailment' },
  { key: 'plans', href: '/power/curtailment/plans' },
  { key: 'windows', href: '/power/curtailment/windows' },
  { key: 'feeders', href: '/power/curtailment/feeders' },
] as const;

/** The curtailment pages: run now and history, automation (strike plans, prices, demand response), windows, feeders. */
export async function CurtailmentTabs({ active }: { active: (typeof TABS)[number]['key'] }) {
  const t = await getTranslations('CurtailmentAuto.tabs');
  return (
    <nav aria-label={t('label')} className="mb-4 flex flex-wrap gap-1 border-b border-line">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === active ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab.key === active ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink'}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
