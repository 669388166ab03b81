import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { INVOICE_STATUSES, type InvoiceStatus } from '@/lib/domain/billing/invoice';

const TONE: Record<InvoiceStatus, BadgeTone> = { draft: 'muted', sent: 'accent', partially_paid: 'warn', paid: 'ok', overdue: 'bad', void: 'muted' };

export function InvoiceStatusBadge({ status }: { status: string }) {
  const t = useTranslations('Billing.status');
  const known = INVOICE_STATUSES.find((s) => s === status);
  return <Badge tone={known ? TONE[known] : 'muted'}>{known ? t(known) : status}</Badge>;
}
