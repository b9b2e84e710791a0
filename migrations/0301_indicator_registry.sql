-- The indicator registry as data: the population measures (denominators), the infant-health
-- indicators the platform's records can compute, their targets, and the five-colour bands.
-- Targets: 001 = 嵊州市"幼有善育"五年行动 indicator table (2022 actual → 2023…2027);
-- 004 = 绍兴市"一老一小"2025 targets, held by the city and each county unit.

INSERT INTO indicator_measures (code, name_zh, name_en, leaf_sql, detail_sql, source_tables, source) VALUES
('pop.residents', '常住人口', 'Resident population',
 'SELECT unit_code, year, residents AS amount FROM org_unit_population WHERE length(unit_code) = 12', NULL,
 '{org_unit_population}', 'Population base per village (SPEC §2)'),
('pop.children0to2', '0–2岁儿童数', 'Children aged 0–2',
 'SELECT unit_code, year, children_0_2 AS amount FROM org_unit_population WHERE length(unit_code) = 12', NULL,
 '{org_unit_population}', 'Population base per village (SPEC §2)'),
('pop.children0to17', '0–17岁儿童数', 'Children aged 0–17',
 'SELECT unit_code, year, children_0_17 AS amount FROM org_unit_population WHERE length(unit_code) = 12', NULL,
 '{org_unit_population}', 'Population base per village (SPEC §2)'),
('pop.elderly60', '60岁及以上老年人数', 'Elderly aged 60+',
 'SELECT unit_code, year, elderly_60 AS amount FROM org_unit_population WHERE length(unit_code) = 12', NULL,
 '{org_unit_population}', 'Population base per village (SPEC §2)'),
('health.childrenScreened', '接受发育筛查的0–3岁儿童数', 'Children under 3 given a developmental screen',
 'SELECT unit_code, extract(year FROM screened_on)::int AS year, count(DISTINCT person_id) AS amount FROM dev_screenings WHERE age_months < 36 GROUP BY 1, 2',
 'SELECT unit_code, extract(year FROM screened_on)::int AS year, id::text AS record_id, instrument || '' · '' || screened_on::text || '' · '' || age_months || '' months · '' || result AS label, 1 AS amount FROM dev_screenings WHERE age_months < 36',
 '{dev_screenings}', '001 indicator 7; dev_screenings (SPEC §3.6)'),
('health.largeTownships', '常住人口2万及以上的乡镇(街道)数', 'Townships with 20,000 residents or more',
 'SELECT unit_code, year, 1 AS amount FROM org_unit_population WHERE length(unit_code) = 9 AND residents >= 20000',
 'SELECT p.unit_code, p.year, p.unit_code AS record_id, u.name || '' · '' || p.residents AS label, 1 AS amount FROM org_unit_population p JOIN org_units u ON u.code = p.unit_code WHERE length(p.unit_code) = 9 AND p.residents >= 20000',
 '{org_unit_population}', '001 indicator 9: townships of 20,000 residents or more'),
('health.largeTownshipsWithCenter', '建有"医防护"儿童健康管理中心的2万人以上乡镇数', 'Townships of 20,000+ residents with an operating child-health center',
 'SELECT p.unit_code, p.year, 1 AS amount FROM org_unit_population p WHERE length(p.unit_code) = 9 AND p.residents >= 20000 AND EXISTS (SELECT 1 FROM child_health_centers c WHERE c.unit_code = p.unit_code AND c.status = ''operating'' AND c.opened_on <= make_date(p.year, 12, 31))',
 'SELECT c.unit_code, y.year, c.id::text AS record_id, c.name || '' · '' || c.host_institution || '' · '' || c.opened_on::text AS label, 1 AS amount FROM child_health_centers c JOIN indicator_years y ON c.opened_on <= make_date(y.year, 12, 31) WHERE c.status = ''operating''',
 '{org_unit_population,child_health_centers}', '001 indicator 9; child_health_centers (SPEC §3.6)');

INSERT INTO indicators (code, name_zh, name_en, numerator, denominator, unit, direction, min_level, theme, sort_order, source) VALUES
('health.screeningRate', '0–3岁儿童发育筛查率', 'Developmental screening rate, ages 0–3',
 'health.childrenScreened', 'pop.children0to2', 'percent', 'higher', 4, 'health', 70,
 '001 幼有善育 indicator 7: children under 3 screened in the year ÷ children aged 0–2'),
('health.centerCoverage', '2万人以上乡镇"医防护"儿童健康管理中心覆盖率', '"医防护" center coverage of townships of 20,000+',
 'health.largeTownshipsWithCenter', 'health.largeTownships', 'percent', 'higher', 3, 'health', 90,
 '001 幼有善育 indicator 9: townships of 20,000+ residents with an operating center ÷ such townships');

INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'health.screeningRate', '330683', y, 'atLeast', v, '001 indicator 7'
FROM (VALUES (2023, 90), (2024, 93), (2025, 95), (2026, 97), (2027, 98)) t(y, v);
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'health.centerCoverage', '330683', y, 'atLeast', v, '001 indicator 9'
FROM (VALUES (2023, 30), (2024, 60), (2025, 100), (2026, 100), (2027, 100)) t(y, v);

-- The seeds name the five colours of 资源预警五色图 but no cut-offs; these are the platform's,
-- reviewed by the city's monitoring office and changed by a new dated row set.
INSERT INTO indicator_warning_bands (color, min_attainment, effective_from, source) VALUES
('blue', 1.10, '2022-01-01', 'Platform default: 10% or more ahead of target'),
('green', 1.00, '2022-01-01', 'Platform default: target met'),
('yellow', 0.95, '2022-01-01', 'Platform default: within 5% of target'),
('orange', 0.85, '2022-01-01', 'Platform default: 5–15% behind target'),
('red', NULL, '2022-01-01', 'Platform default: more than 15% behind target');
