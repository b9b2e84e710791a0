/** The ledger's words, shared with the web app (no server code here). */
export const CURRENCIES = ['card', 'time'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const TXN_KINDS = ['issue', 'spend', 'refund', 'expiry', 'earn', 'redeem', 'transfer'] as const;
export type TxnKind = (typeof TXN_KINDS)[number];

export const SYSTEM_CODES = ['issue', 'settlement', 'expiry', 'service', 'redeem'] as const;
export type SystemCode = (typeof SYSTEM_CODES)[number];
