import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const PRIORITY_TONE: Record<string, BadgeTone> = { urgent: 'bad', high: 'warn', normal: 'accent', low: 'muted' };
const STATUS_TONE: Record<string, BadgeTone> = { open: 'accent', in_progress: 'warn', resolved: 'ok', closed: 'muted' };

export function TicketPriorityBadge({ priority }: { priority: string }) {
  const t = useTranslations('Tickets');
  return <Badge tone={PRIORITY_TONE[priority]}>{t(`priority.${priority}`)}</Badge>;
}

export function TicketStatusBadge({ status }: { status: string }) {
  const t = useTranslations('Tickets');
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}
