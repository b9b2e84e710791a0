/**
 * The monthly childcare subsidy at city size: 1,000 centers with 30 enrolled children each
 * (some starting or leaving mid-month, some centers changing grade mid-month) computed by the
 * rules engine, one explained line per child and rule. Baseline in the same run: the naive
 * whole-month product (children × rate) without proration or explanation. Pure computation.
 */
import { createRng } from '../src/app/random.ts';
import { CHILDCARE_RULES } from '../src/modules/subsidies/catalogue.ts';
import { computeMonthlySubsidy, monthDays, type CenterFactsSpan, type Enrolment } from '../src/modules/subsidies/monthly.ts';
import { report, timed } from './support.ts';

const CENTERS = 1000;
const CHILDREN = 30;
const MONTH = '2026-10';
const GRADES = ['grade1', 'grade2', 'grade3', null] as const;

const rng = createRng(7);
const days = monthDays(MONTH);
const centers = Array.from({ length: CENTERS }, (_, c) => {
  const grade = rng.pick(GRADES);
  const facts = (g: string | null) => ({ 'center.filed': true, 'center.affordable': rng.chance(0.7), 'center.grade': g, 'center.operatorKind': 'forProfit' });
  const change = rng.chance(0.05);
  const spans: CenterFactsSpan[] = change
    ? [{ from: days[0], to: days[9], facts: facts(grade) }, { from: days[10], to: days[days.length - 1], facts: facts('grade2') }]
    : [{ from: days[0], to: days[days.length - 1], facts: facts(grade) }];
  const enrolments: Enrolment[] = Array.from({ length: CHILDREN }, (_, i) => ({
    enrolmentId: `e${c}-${i}`,
    personId: `p${c}-${i}`,
    from: rng.chance(0.1) ? days[rng.int(0, days.length - 1)] : '2026-01-01',
    to: rng.chance(0.05) ? days[rng.int(0, days.length - 1)] : null,
  }));
  return { spans, enrolments };
});

const engine = await timed(async () => {
  let lines = 0;
  let total = 0;
  for (const c of centers) {
    const r = computeMonthlySubsidy({ month: MONTH, rules: CHILDCARE_RULES, centerFacts: c.spans, enrolments: c.enrolments });
    lines += r.lines.length;
    total += r.totalFen;
  }
  return { lines, total };
});
const naive = await timed(async () => {
  let total = 0;
  for (const c of centers) {
    const g = c.spans[0].facts['center.grade'];
    const rate = g === 'grade1' ? 90000 : g === 'grade2' ? 70000 : g === 'grade3' ? 50000 : 0;
    total += c.spans[0].facts['center.affordable'] ? rate * c.enrolments.length : 0;
  }
  return { total };
});

await report('Monthly childcare subsidy, city size (pure computation)', [
  `${CENTERS} centers × ${CHILDREN} enrolled children, month ${MONTH} (${days.length} days), 5% of centers changing grade mid-month.`,
  '',
  '| | seconds | result |',
  '| --- | --- | --- |',
  `| rules engine: day-by-day facts, prorated, one explained line per child and rule | ${engine.seconds.toFixed(3)} | ${engine.result.lines} lines, ${(engine.result.total / 100).toFixed(2)} yuan |`,
  `| baseline: children × rate of the first day, no proration or explanation | ${naive.seconds.toFixed(4)} | ${(naive.result.total / 100).toFixed(2)} yuan |`,
]);
