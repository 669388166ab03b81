import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { accessOf, type Access, MODULES } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/guard';
import { ROLES } from '@/lib/core/roles';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('permissions');

const TONE: Record<Access, string> = { FULL: 'bg-ok/15 text-ok', READ: 'bg-accent/15 text-accent', NONE: 'text-muted' };

/**
 * The module-access matrix as lib/auth/permissions.ts holds it (read from the same table `can` uses,
 * so the page cannot drift from what the server enforces), one column per role.
 */
export default async function PermissionsPage({ params }: { params: Promise<{ locale: string }> }) {
  await requirePage((await params).locale, 'user:list_view');
  const [t, tRoles] = await Promise.all([getTranslations('Users'), getTranslations('Roles')]);
  const short: Record<Access, string> = { FULL: t('accessFull'), READ: t('accessRead'), NONE: t('accessNone') };
  return (
    <>
      <PageHeader title={t('matrixTitle')} subtitle={t('matrixSubtitle')} />
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full min-w-[640px] text-sm" data-testid="permission-matrix">
          <caption className="sr-only">{t('matrixTitle')}</caption>
          <thead className="bg-surface text-left text-xs text-muted">
            <tr>
              <th scope="col" className="p-2">
                {t('module')}
              </th>
              {ROLES.map((r) => (
                <th key={r} scope="col" className="p-2 text-center">
                  {tRoles(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MODULES.map((m) => (
              <tr key={m} className="border-t border-line">
                <th scope="row" className="p-2 text-left font-mono text-xs font-normal">
                  {m}
                </th>
                {ROLES.map((r) => {
                  const a = accessOf(r, m);
                  return (
                    <td key={r} className="p-1 text-center">
                      <span className={`inline-block rounded px-2 py-0.5 text-xs ${TONE[a]}`}>{short[a]}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
