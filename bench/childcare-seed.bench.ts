/**
 * The childcare part of `seed --scale city` on the local PostgreSQL: about 1,000 centers with
 * their classes, staff, certificates, enrolled children, filings with reviews and timelines,
 * evidence files and ratio warnings, written with COPY. It needs the city's children, so the
 * whole city seed runs; the figure is the time from the start of the childcare step to the
 * end of the seed. Budget: about 15 seconds.
 */
import { sql } from 'drizzle-orm';
import { seedPlatform } from '../src/seed/index.ts';
import { freshDatabase, platformOn, report, timed } from './support.ts';

const db = await freshDatabase('childcare');
const p = await platformOn(db.url);
let childcareStart = 0;
const seed = await timed(() =>
  seedPlatform(p, {
    scale: 'city',
    seed: 1,
    onProgress: (step) => {
      if (step === 'childcare' && !childcareStart) childcareStart = Date.now();
    },
  }),
);
const childcareSeconds = (Date.now() - childcareStart) / 1000;
const counts = await p.db.rows<Record<string, number>>(sql`
  SELECT (SELECT count(*)::int FROM childcare_centers) AS centers, (SELECT count(*)::int FROM childcare_classes) AS classes,
         (SELECT count(*)::int FROM childcare_staff) AS staff, (SELECT count(*)::int FROM childcare_enrolments) AS enrolments,
         (SELECT count(*)::int FROM childcare_filing_events) AS events, (SELECT count(*)::int FROM childcare_documents) AS documents`);
await p.db.close();
await db.drop();
const c = counts[0];
console.log(`childcare step: ${childcareSeconds.toFixed(1)} s of ${seed.seconds.toFixed(1)} s`, c);
await report('Childcare demo data at city scale', [
  '| step | seconds |',
  '| --- | ---: |',
  `| childcare part of \`seed --scale city\`: ${c.centers.toLocaleString('en')} centers, ${c.classes.toLocaleString('en')} classes, ${c.staff.toLocaleString('en')} staff, ${c.enrolments.toLocaleString('en')} enrolments, ${c.events.toLocaleString('en')} filing events, ${c.documents.toLocaleString('en')} evidence files (COPY) | ${childcareSeconds.toFixed(1)} |`,
  `| the whole \`seed --scale city\` in the same run | ${seed.seconds.toFixed(1)} |`,
  '',
]);
