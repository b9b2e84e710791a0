import { onFeedRun } from '../feeds/index.ts';
import { raiseLapseAlerts } from './service.ts';

export { insuranceFollowups } from './schema.ts';
export { enrolmentRates, unenrolledChildren, recordFollowup, raiseLapseAlerts } from './service.ts';
export { enrolmentCounts, rateAgainstTarget, targetFor, coversFromBirth } from './rules.ts';
export { insuranceRoutes } from './routes.ts';

// An enrolment or assistance feed may open or close a low-income child's gap: check the year.
onFeedRun(async (p, actor, run) => {
  if (run.feedType !== 'insurance' && run.feedType !== 'lowIncome') return;
  await raiseLapseAlerts(p, actor, Number(p.today().slice(0, 4)));
});
