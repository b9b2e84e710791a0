/**
 * The life of a home-care order as a pure function: requested → accepted → visited →
 * confirmed → rated, or cancelled before the visit. What each step does to a care-card
 * payment: accepting places a hold, confirming captures it, cancelling an accepted order
 * releases it (elderly-services.md, ledger invariant 6: "a hold resolves once").
 */
export const ORDER_STATUSES = ['requested', 'accepted', 'visited', 'confirmed', 'rated', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['accept', 'visit', 'confirm', 'rate', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export type Payment = 'card' | 'self';
export type LedgerEffect = 'placeHold' | 'captureHold' | 'releaseHold' | null;

const TRANSITIONS: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  accept: { from: ['requested'], to: 'accepted' },
  visit: { from: ['accepted'], to: 'visited' },
  confirm: { from: ['visited'], to: 'confirmed' },
  rate: { from: ['confirmed'], to: 'rated' },
  cancel: { from: ['requested', 'accepted'], to: 'cancelled' },
};

/** Who may take a step: the provider serves, the elderly person (or staff for them) confirms and rates. */
export type OrderParty = 'staff' | 'provider' | 'elder';
const PARTIES: Record<OrderAction, readonly OrderParty[]> = {
  accept: ['staff', 'provider'],
  visit: ['staff', 'provider'],
  confirm: ['staff', 'elder'],
  rate: ['staff', 'elder'],
  cancel: ['staff', 'provider', 'elder'],
};

export interface Step {
  to: OrderStatus;
  effect: LedgerEffect;
}

/** The next status and the payment effect of an action, or null when the action is not allowed. */
export function orderStep(status: OrderStatus, action: OrderAction, payment: Payment, party: OrderParty): Step | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status) || !PARTIES[action].includes(party)) return null;
  let effect: LedgerEffect = null;
  if (payment === 'card') {
    if (action === 'accept') effect = 'placeHold';
    else if (action === 'confirm') effect = 'captureHold';
    else if (action === 'cancel' && status === 'accepted') effect = 'releaseHold';
  }
  return { to: t.to, effect };
}

/** The actions a party may take on an order in a status. */
export function allowedActions(status: OrderStatus, party: OrderParty): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => orderStep(status, a, 'self', party) !== null);
}

/** An order's amount in fen: the item's price times the quantity. */
export function orderAmount(priceFen: number, quantity: number): number {
  return priceFen * quantity;
}
