-- The developmental screening rate (001 幼有善育 indicator 7) over one cohort: the numerator
-- counts the children screened in the year who are still under 3 on 31 December, the same
-- children the denominator (children aged 0–2 at the year's end, org_unit_population) counts.
-- Counting every child screened while under 3 at any time in the year took in a fourth birth
-- cohort (those who turned 3 during the year) and let a unit exceed 100 %.
UPDATE indicator_measures SET
  name_zh = '年内接受发育筛查、年末未满3岁的儿童数',
  name_en = 'Children screened in the year and under 3 at its end',
  leaf_sql = 'SELECT s.unit_code, extract(year FROM s.screened_on)::int AS year, count(DISTINCT s.person_id) AS amount FROM dev_screenings s JOIN persons p ON p.id = s.person_id WHERE p.birth_date > make_date(extract(year FROM s.screened_on)::int - 3, 12, 31) GROUP BY 1, 2',
  detail_sql = 'SELECT s.unit_code, extract(year FROM s.screened_on)::int AS year, s.id::text AS record_id, s.instrument || '' · '' || s.screened_on::text || '' · '' || s.age_months || '' months · '' || s.result AS label, 1 AS amount FROM dev_screenings s JOIN persons p ON p.id = s.person_id WHERE p.birth_date > make_date(extract(year FROM s.screened_on)::int - 3, 12, 31)',
  source_tables = '{dev_screenings,persons}',
  source = '001 indicator 7; dev_screenings (SPEC §3.6), children under 3 at the end of the year (persons.birth_date)'
WHERE code = 'health.childrenScreened';

UPDATE indicators SET
  source = '001 幼有善育 indicator 7: children screened in the year and under 3 at its end ÷ children aged 0–2 at the end of the year'
WHERE code = 'health.screeningRate';
UPDATE indicator_staleness SET changed_at = now();
