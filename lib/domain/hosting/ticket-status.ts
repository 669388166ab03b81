export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * The ticket lifecycle: open → in progress → resolved → closed, and a resolved ticket may be
 * reopened when the fix did not hold. Closed is final.
 */
const STAFF_MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};

// A customer does not work tickets; it only confirms a fix (close) or says it did not hold (reopen).
const CUSTOMER_MOVES: Record<TicketStatus, readonly TicketStatus[]> = { open: [], in_progress: [], resolved: ['closed', 'open'], closed: [] };

export function nextStatuses(from: TicketStatus, by: 'staff' | 'customer'): readonly TicketStatus[] {
  return (by === 'staff' ? STAFF_MOVES : CUSTOMER_MOVES)[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus, by: 'staff' | 'customer'): boolean {
  return nextStatuses(from, by).includes(to);
}

/** Timestamps a move sets; a reopen clears them and restarts the SLA clock (see ticket-sla.ts). */
export function transitionStamps(to: TicketStatus, now: Date): { resolvedAt?: Date | null; closedAt?: Date | null; restartSla: boolean } {
  if (to === 'resolved') return { resolvedAt: now, restartSla: false };
  if (to === 'closed') return { closedAt: now, restartSla: false };
  if (to === 'open') return { resolvedAt: null, closedAt: null, restartSla: true };
  return { restartSla: false };
}
