'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldGroup, SelectField, TextField } from '@/components/form/fields';
import type { FieldOption } from '@/components/form/fields';
import { type Role, SITE_SCOPED_ROLES } from '@/lib/core/roles';

export type MemberFormOptions = { roles: Role[]; sites: FieldOption[]; customers: FieldOption[] };

/**
 * Role, sites and access end, shared by the invitation and the edit dialog. Sites are asked for only
 * for the site-bound roles and a customer only for a CLIENT; the server ignores them otherwise.
 */
export function MemberFields({ idPrefix, options, initial, withCustomer }: { idPrefix: string; options: MemberFormOptions; initial?: { role: Role; siteIds: string[]; accessUntil: string | null }; withCustomer?: boolean }) {
  const t = useTranslations('Users');
  const tRoles = useTranslations('Roles');
  const [role, setRole] = useState<Role>(initial?.role ?? options.roles.at(-2) ?? 'GUEST');
  return (
    <>
      <SelectField id={`${idPrefix}-role`} name="role" label={t('role')} value={role} onChange={(e) => setRole(e.target.value as Role)} options={options.roles.map((r) => ({ id: r, name: tRoles(r) }))} />
      {SITE_SCOPED_ROLES.includes(role) ? (
        <FieldGroup name="siteIds" id={`${idPrefix}-sites`} legend={t('sites')}>
          {options.sites.length ? (
            <div className="grid max-h-40 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2">
              {options.sites.map((s) => (
                <label key={s.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="siteIds" value={s.id} defaultChecked={initial?.siteIds.includes(String(s.id))} className="accent-accent" />
                  {s.name}
                </label>
              ))}
            </div>
          ) : (
            <p className="text-sm text-muted">{t('noSites')}</p>
          )}
        </FieldGroup>
      ) : null}
      {withCustomer && role === 'CLIENT' ? <SelectField id={`${idPrefix}-customer`} name="customerId" label={t('customer')} hint={t('customerHint')} empty={t('noCustomer')} options={options.customers} /> : null}
      <TextField id={`${idPrefix}-until`} name="accessUntil" type="date" label={t('accessUntil')} hint={t('accessUntilHint')} defaultValue={initial?.accessUntil ?? ''} />
    </>
  );
}
