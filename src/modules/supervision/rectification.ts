/**
 * A rectification order (整改通知) as a state machine: open → submitted by the center →
 * closed by the county on verification, or returned to open with a new deadline. Overdue is
 * not a state: an open order past its deadline is overdue, and that is recorded once on
 * the center's credit.
 */
export type OrderStatus = 'open' | 'submitted' | 'closed';
export type OrderAction = { action: 'respond' } | { action: 'accept' } | { action: 'reject'; newDeadline: string };

export function nextOrderStatus(status: OrderStatus, a: OrderAction): OrderStatus | null {
  if (a.action === 'respond') return status === 'open' ? 'submitted' : null;
  if (a.action === 'accept') return status === 'submitted' ? 'closed' : null;
  return status === 'submitted' ? 'open' : null;
}

export function isOverdue(o: { status: OrderStatus; deadline: string }, today: string): boolean {
  return o.status === 'open' && o.deadline < today;
}
