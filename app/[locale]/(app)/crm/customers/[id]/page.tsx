import { notFound } from 'next/navigation';
import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { ActivityDialog } from '@/components/crm/activity-dialog';
import { ActivityList } from '@/components/crm/activity-list';
import { ContactDialog } from '@/components/crm/contact-dialog';
import { CrmDeleteButton } from '@/components/crm/crm-delete-button';
import { CustomerDialog } from '@/components/crm/customer-form';
import { DealDialog } from '@/components/crm/deal-dialog';
import { NoteEditDialog } from '@/components/crm/note-edit-dialog';
import { NoteForm } from '@/components/crm/note-form';
import { TagList } from '@/components/crm/tag-list';
import { TierBadge } from '@/components/crm/tier-badge';
import { TicketStatusBadge } from '@/components/hosting/ticket-badges';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listActivities } from '@/db/queries/crm/activities';
import { listContacts, listNotes } from '@/db/queries/crm/contacts';
import { getCrmCustomer } from '@/db/queries/crm/customers';
import { customerDeals } from '@/db/queries/crm/deals';
import { isCrmAdmin } from '@/db/queries/crm/scope';
import { staffOptions } from '@/db/queries/crm/staff';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { listTickets } from '@/db/queries/hosting/tickets';
import { listBills } from '@/db/queries/power/bills';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { can } from '@/lib/auth/permissions';
import { formatEnergy, formatHashrate, formatNumber, formatPercent, formatPower, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';

export const generateMetadata = pageTitle('customer');

const link = 'text-accent hover:underline';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-2 text-sm last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 text-right [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/**
 * Customer 360: the CRM record with its people, deals, activities and notes, and beside it what the
 * hosting side measures for this customer — fleet, pool (expected vs credited), energy bills and
 * tickets — read through the same queries as the hosting pages, narrowed to this customer and still
 * within the viewer's own sites. Billing (contracts, invoices, balance) lives on its own page.
 */
export default async function Customer360Page(props: ItemPageProps) {
  const { locale, id, actor } = await openItemPage(props, 'crm:customer_view');
  const db = await getDb();
  const customer = await getCrmCustomer(db, actor, id);
  if (!customer) notFound();
  const now = await getNow();
  const mine = { ...actor.scope, customers: [id] };
  const canWrite = can(actor.role, 'crm:customer_management', 'FULL');
  const canLog = can(actor.role, 'crm:activity_log', 'FULL');
  const admin = isCrmAdmin(actor);
  const [contacts, deals, activities, notes, kpis, pool, bills, tickets, staff, t, format] = await Promise.all([
    listContacts(db, actor, id),
    customerDeals(db, actor, id),
    listActivities(db, actor, { customerId: id }, { page: 1, pageSize: 10 }, now),
    listNotes(db, actor, id, { page: 1, pageSize: 10 }),
    hostingKpis(db, mine, { hostCosts: false }, now),
    poolVsMiner(db, mine, now),
    can(actor.role, 'hosting:power', 'READ') ? listBills(db, mine, { customerId: id, limit: 6, offset: 0 }) : Promise.resolve(null),
    can(actor.role, 'hosting:ticket', 'READ') ? listTickets(db, mine, {}, { page: 1, pageSize: 5 }, now) : Promise.resolve(null),
    admin ? staffOptions(db, actor.orgId) : Promise.resolve(null),
    getTranslations('Crm'),
    getFormatter(),
  ]);
  const fleet = kpis.find((r) => r.dim === 'all');
  const luck = pool.find((r) => r.dim === 'all');
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const more = (href: string, count: number) => (
    <Link href={href} className={`text-xs ${link}`}>
      {t('c360.seeAll', { count })}
    </Link>
  );

  return (
    <>
      <Link href="/crm/customers" className="text-sm text-muted hover:text-ink">
        ← {t('c360.back')}
      </Link>
      <PageHeader
        title={customer.name}
        subtitle={customer.company && customer.company !== customer.name ? customer.company : undefined}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <TierBadge tier={customer.tier} />
            <Link href={`/crm/customers/${id}/billing`} className={buttonClass('secondary')}>
              {t('c360.billing')}
            </Link>
            {canWrite ? <CustomerDialog staff={staff} customer={{ ...customer, tags: customer.tags }} /> : null}
          </div>
        }
      />

      <section aria-label={t('c360.hosting')} className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('c360.miners')} value={formatNumber(fleet?.total ?? 0, locale)} hint={t('c360.minersHint', { active: fleet?.active ?? 0, offline: fleet?.offline ?? 0 })} />
        <StatCard label={t('c360.hashrate')} value={formatHashrate(fleet?.activeThs ?? 0, locale)} hint={t('c360.nominal', { value: formatHashrate(fleet?.nominalThs ?? 0, locale) })} />
        <StatCard label={t('c360.power')} value={formatPower((fleet?.activeKw ?? 0) * 1000, locale)} />
        <StatCard
          label={t('c360.poolLuck')}
          value={formatPercent(luck?.luckPct ?? null, locale, { signed: true })}
          hint={luck ? t('c360.poolHint', { expected: formatHashrate(luck.expectedThs, locale), credited: formatHashrate(luck.creditedThs, locale) }) : t('c360.poolNone')}
        />
      </section>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="grid content-start gap-4 lg:col-span-2">
          <Card title={t('c360.deals', { count: deals.total })}>
            {canWrite ? (
              <div className="mb-2 flex justify-end">
                <DealDialog target={{ customerId: id }} staff={staff} commission={can(actor.role, 'crm:broker_commission', 'FULL')} small />
              </div>
            ) : null}
            {deals.rows.length ? (
              <ul className="divide-y divide-line text-sm" data-testid="customer-deals">
                {deals.rows.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0">
                      <span className="font-medium">{d.title}</span>
                      <span className="ml-2">
                        <Badge tone={d.stage === 'won' ? 'ok' : d.stage === 'lost' ? 'bad' : 'accent'}>{t(`stage.${d.stage}`)}</Badge>
                      </span>
                      {d.closeReason ? <span className="ml-2 text-xs text-muted">{d.closeReason}</span> : null}
                      {canWrite ? (
                        <span className="mt-1 flex gap-2">
                          <DealDialog staff={staff} commission={can(actor.role, 'crm:broker_commission', 'FULL')} deal={d} />
                          <CrmDeleteButton target={{ kind: 'deal', id: d.id, version: d.version, name: d.title }} />
                        </span>
                      ) : null}
                    </span>
                    <span className="text-right tabular-nums">
                      {formatUsdFromCents(d.valueCents, locale)}
                      {d.commissionCents != null ? <span className="block text-xs text-muted">{t('deal.commissionOf', { broker: d.brokerName ?? '—', amount: formatUsdFromCents(d.commissionCents, locale) })}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">{t('c360.noDeals')}</p>
            )}
            {deals.total > deals.rows.length ? <div className="mt-2">{more('/crm/pipeline', deals.total)}</div> : null}
          </Card>

          <Card title={t('c360.activities', { count: activities.total })}>
            {canLog ? (
              <div className="mb-2 flex justify-end">
                <ActivityDialog target={{ customerId: id }} staff={staff} />
              </div>
            ) : null}
            {activities.rows.length ? <ActivityList rows={activities.rows} now={now} canWrite={canLog} /> : <p className="text-sm text-muted">{t('c360.noActivities')}</p>}
            {activities.total > activities.rows.length ? <div className="mt-2">{more(`/crm/activities?customerId=${id}`, activities.total)}</div> : null}
          </Card>

          <Card title={t('c360.notes', { count: notes.total })}>
            {notes.rows.length ? (
              <ul className="mb-4 grid gap-3">
                {notes.rows.map((n) => (
                  <li key={n.id} className="text-sm">
                    <p className="whitespace-pre-wrap break-words">{n.body}</p>
                    <p className="mt-0.5 text-xs text-muted">
                      {n.authorName ?? t('c360.deletedUser')} · {format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </p>
                    {canWrite && (admin || n.authorUserId === actor.userId) ? (
                      <span className="mt-1 flex gap-2">
                        <NoteEditDialog note={n} />
                        <CrmDeleteButton target={{ kind: 'note', id: n.id }} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-4 text-sm text-muted">{t('c360.noNotes')}</p>
            )}
            {canWrite ? <NoteForm customerId={id} /> : null}
          </Card>
        </div>

        <div className="grid content-start gap-4">
          <Card title={t('c360.record')}>
            <dl>
              <Row label={t('customer.email')}>{customer.email ?? '—'}</Row>
              <Row label={t('customer.phone')}>{customer.phone ?? '—'}</Row>
              <Row label={t('customer.owner')}>{customer.ownerName ?? <span className="text-muted">{t('customer.noOwner')}</span>}</Row>
              <Row label={t('customer.tags')}>{customer.tags.length ? <TagList tags={customer.tags} /> : '—'}</Row>
              <Row label={t('c360.referralCode')}>
                {customer.referralCode ? (
                  <Link href={`/register?ref=${customer.referralCode}`} className={`font-mono ${link}`} title={t('c360.referralLink')}>
                    {customer.referralCode}
                  </Link>
                ) : (
                  '—'
                )}
              </Row>
              <Row label={t('c360.since')}>{date(customer.createdAt)}</Row>
            </dl>
          </Card>

          <Card title={t('c360.contacts', { count: contacts.length })}>
            {canWrite ? (
              <div className="mb-2 flex justify-end">
                <ContactDialog customerId={id} />
              </div>
            ) : null}
            {contacts.length ? (
              <ul className="grid gap-2 text-sm">
                {contacts.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">{c.name}</span>
                    {c.isPrimary ? (
                      <span className="ml-2">
                        <Badge tone="accent">{t('contact.primary')}</Badge>
                      </span>
                    ) : null}
                    {c.title ? <span className="block text-xs text-muted">{c.title}</span> : null}
                    <span className="block text-xs [overflow-wrap:anywhere]">
                      {c.email ? (
                        <a href={`mailto:${c.email}`} className={link}>
                          {c.email}
                        </a>
                      ) : null}
                      {c.email && c.phone ? ' · ' : ''}
                      {c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : null}
                    </span>
                    {canWrite ? (
                      <span className="mt-1 flex gap-2">
                        <ContactDialog customerId={id} contact={c} />
                        <CrmDeleteButton target={{ kind: 'contact', id: c.id, name: c.name }} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">{t('c360.noContacts')}</p>
            )}
          </Card>

          <Card title={t('c360.hosting')}>
            <ul className="grid gap-2 text-sm">
              <li>
                <Link href={`/hosting/devices?customerId=${id}`} className={link}>
                  {t('c360.minersLink', { count: fleet?.total ?? 0 })}
                </Link>
              </li>
              <li>
                <Link href={`/crm/customers/${id}/billing`} className={link}>
                  {t('c360.billingLink')}
                </Link>
              </li>
            </ul>
          </Card>

          {bills ? (
            <Card title={t('c360.energy')}>
              {bills.bills.length ? (
                <ul className="divide-y divide-line text-sm" data-testid="customer-bills">
                  {bills.bills.map((b) => (
                    <li key={b.id} className="flex justify-between gap-2 py-1.5">
                      <span>
                        {b.month.slice(0, 7)} · {b.siteName}
                        <span className="block text-xs text-muted">{b.number ?? t('c360.draft')}</span>
                      </span>
                      <span className="text-right tabular-nums">
                        {formatUsdFromCents(b.totalCents, locale)}
                        <span className="block text-xs text-muted">{formatEnergy(b.energyWh, locale)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted">{t('c360.noBills')}</p>
              )}
              <div className="mt-2">
                <Link href="/power" className={`text-xs ${link}`}>
                  {t('c360.powerLink')}
                </Link>
              </div>
            </Card>
          ) : null}

          {tickets ? (
            <Card title={t('c360.tickets', { count: tickets.total })}>
              {tickets.rows.length ? (
                <ul className="grid gap-1.5 text-sm">
                  {tickets.rows.map((k) => (
                    <li key={k.id} className="flex justify-between gap-2">
                      <Link href={`/hosting/tickets/${k.id}`} className={`min-w-0 truncate ${link}`}>
                        #{k.number} {k.title}
                      </Link>
                      <TicketStatusBadge status={k.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted">{t('c360.noTickets')}</p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
