-- Elderly-care bed indicators of seed 004 (《绍兴市一老一小整体解决方案》) as registry data over
-- elderly_institutions (0500): nursing-type beds at least 60 % of institution beds, 20
-- dementia-care beds per 10,000 elderly, one social worker per 60 beds (16.7 per 1,000 beds).
-- An institution counts from the year it was registered on the platform.

INSERT INTO indicator_measures (code, name_zh, name_en, leaf_sql, detail_sql, source_tables, source) VALUES
('elderly.beds', '养老机构床位数', 'Elderly-care institution beds',
 'SELECT i.unit_code, y.year, sum(i.beds) AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year GROUP BY 1, 2',
 'SELECT i.unit_code, y.year, i.id::text AS record_id, i.name AS label, i.beds AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year',
 '{elderly_institutions}', '004; elderly_institutions.beds'),
('elderly.nursingBeds', '护理型床位数', 'Nursing-type beds',
 'SELECT i.unit_code, y.year, sum(i.nursing_beds) AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year GROUP BY 1, 2',
 'SELECT i.unit_code, y.year, i.id::text AS record_id, i.name AS label, i.nursing_beds AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year',
 '{elderly_institutions}', '004; elderly_institutions.nursing_beds'),
('elderly.dementiaBeds', '认知障碍照护床位数', 'Dementia-care beds',
 'SELECT i.unit_code, y.year, sum(i.dementia_beds) AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year GROUP BY 1, 2',
 'SELECT i.unit_code, y.year, i.id::text AS record_id, i.name AS label, i.dementia_beds AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year',
 '{elderly_institutions}', '004; elderly_institutions.dementia_beds'),
('elderly.socialWorkers', '养老机构社会工作者数', 'Social workers of elderly-care institutions',
 'SELECT i.unit_code, y.year, sum(i.social_workers) AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year GROUP BY 1, 2',
 'SELECT i.unit_code, y.year, i.id::text AS record_id, i.name AS label, i.social_workers AS amount FROM elderly_institutions i JOIN indicator_years y ON extract(year FROM i.created_at) <= y.year',
 '{elderly_institutions}', '004; elderly_institutions.social_workers');

INSERT INTO indicators (code, name_zh, name_en, numerator, denominator, unit, direction, min_level, theme, sort_order, source) VALUES
('elderly.nursingBedShare', '护理型床位占比', 'Nursing-type share of institution beds',
 'elderly.nursingBeds', 'elderly.beds', 'percent', 'higher', 3, 'elderly', 200, '004: nursing-type beds ≥ 60 % of institution beds'),
('elderly.dementiaBedsPer10k', '每万名老年人认知障碍照护床位数', 'Dementia-care beds per 10,000 elderly',
 'elderly.dementiaBeds', 'pop.elderly60', 'per10000', 'higher', 3, 'elderly', 210, '004: 20 dementia-care beds per 10,000 elderly'),
('elderly.socialWorkersPer1000Beds', '每千张养老床位社会工作者数', 'Social workers per 1,000 institution beds',
 'elderly.socialWorkers', 'elderly.beds', 'per1000', 'higher', 3, 'elderly', 220, '004: one social worker per 60 beds (16.7 per 1,000)');

INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT c, u, 2025, 'atLeast', v, s
FROM (VALUES
  ('elderly.nursingBedShare', 60.0, '004: nursing-type beds ≥ 60 % by 2025'),
  ('elderly.dementiaBedsPer10k', 20.0, '004: 20 dementia-care beds per 10,000 elderly by 2025'),
  ('elderly.socialWorkersPer1000Beds', 16.7, '004: one social worker per 60 beds')
) t(c, v, s), unnest(ARRAY['3306', '330602', '330603', '330604', '330624', '330681', '330683']) u;
