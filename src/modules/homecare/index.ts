export { homecareRoutes } from './routes.ts';
export { seedHomecare, HOMECARE_DEMO_USERS, type HomecareSeedResult } from './seed.ts';
export { SERVICE_CATEGORIES, CARE_CARD_RULES, TIME_BANK_RULES, type ServiceCategory } from './rules.ts';
export { orderStep, allowedActions, ORDER_STATUSES, type OrderStatus } from './orderFlow.ts';
export { homecareAccounts, homecareLedgerTxns, homecareProviders, homecareOrders, homecareVolunteerServices, homecareVisitTargets, homecareVisits } from './schema.ts';
