export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Hours to resolve a ticket, by priority: the hosting contract's response targets. */
export const SLA_HOURS: Record<TicketPriority, number> = { urgent: 4, high: 8, normal: 24, low: 72 };

/** When a ticket opened (or reopened) at `from` must be resolved. */
export function slaDueAt(priority: TicketPriority, from: Date): Date {
  return new Date(from.getTime() + SLA_HOURS[priority] * 3_600_000);
}

/** Only work still waiting on staff can be late: a resolved or closed ticket is never overdue. */
export function isOverdue(ticket: { status: string; slaDueAt: Date }, now: Date): boolean {
  return (ticket.status === 'open' || ticket.status === 'in_progress') && ticket.slaDueAt.getTime() < now.getTime();
}
