export { indicatorRoutes } from './routes.ts';
export { refreshIndicators, refreshState, startIndicatorRefresher } from './refresh.service.ts';
export { registerIndicators } from './registry.service.ts';
export { rollUp, ancestorsAndSelf } from './rollup.ts';
