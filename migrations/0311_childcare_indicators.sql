-- Childcare indicators as registry data over the childcare tables (0100): places per 1,000
-- residents, the affordable share of places, township coverage, certified staff and use.
-- A center's places are the capacity of its active classes, counted from the year it opened
-- (or was filed) while its filing stands. Targets: 001 = 嵊州市"幼有善育"五年行动 table;
-- 004 = 绍兴市"一老一小"2025 targets for the city and each county unit.

INSERT INTO indicator_measures (code, name_zh, name_en, leaf_sql, detail_sql, source_tables, source) VALUES
('childcare.places', '托位数', 'Childcare places',
 'SELECT c.unit_code, y.year, sum(k.capacity) AS amount FROM childcare_centers c JOIN childcare_classes k ON k.center_id = c.id AND k.active JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed'' GROUP BY 1, 2',
 'SELECT c.unit_code, y.year, c.id::text AS record_id, c.name || CASE WHEN c.affordable THEN '' · 普惠'' ELSE '''' END AS label, sum(k.capacity) AS amount FROM childcare_centers c JOIN childcare_classes k ON k.center_id = c.id AND k.active JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed'' GROUP BY c.unit_code, y.year, c.id, c.name, c.affordable',
 '{childcare_centers,childcare_classes}', '001 indicator 3; 004; childcare_centers, childcare_classes'),
('childcare.affordablePlaces', '普惠托位数', 'Affordable childcare places',
 'SELECT c.unit_code, y.year, sum(k.capacity) AS amount FROM childcare_centers c JOIN childcare_classes k ON k.center_id = c.id AND k.active JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed'' AND c.affordable GROUP BY 1, 2',
 'SELECT c.unit_code, y.year, c.id::text AS record_id, c.name AS label, sum(k.capacity) AS amount FROM childcare_centers c JOIN childcare_classes k ON k.center_id = c.id AND k.active JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed'' AND c.affordable GROUP BY c.unit_code, y.year, c.id, c.name',
 '{childcare_centers,childcare_classes}', '001 indicator 4; childcare_centers.affordable'),
('org.townships', '乡镇(街道)数', 'Townships and streets',
 'SELECT unit_code, year, 1 AS amount FROM org_unit_population WHERE length(unit_code) = 9', NULL,
 '{org_unit_population}', 'Admin tree (SPEC §2)'),
('childcare.townshipsWithCenter', '有托育机构的乡镇(街道)数', 'Townships with a childcare center',
 'SELECT DISTINCT c.unit_code, y.year, 1 AS amount FROM childcare_centers c JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed''',
 'SELECT c.unit_code, y.year, c.id::text AS record_id, c.name AS label, 1 AS amount FROM childcare_centers c JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed''',
 '{childcare_centers}', '001 indicator 5'),
('childcare.townshipsWithAffordable', '有普惠托育机构的乡镇(街道)数', 'Townships with an affordable childcare center',
 'SELECT DISTINCT c.unit_code, y.year, 1 AS amount FROM childcare_centers c JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed'' AND c.affordable',
 'SELECT c.unit_code, y.year, c.id::text AS record_id, c.name AS label, 1 AS amount FROM childcare_centers c JOIN indicator_years y ON coalesce(c.opened_on, c.filed_at::date) <= make_date(y.year, 12, 31) WHERE c.status = ''filed'' AND c.affordable',
 '{childcare_centers}', '001 indicator 6; 004'),
('childcare.careStaff', '托育机构保育人员数', 'Care staff of childcare centers',
 'SELECT s.unit_code, y.year, count(*) AS amount FROM childcare_staff s JOIN indicator_years y ON s.hired_on <= make_date(y.year, 12, 31) AND (s.left_on IS NULL OR s.left_on > make_date(y.year, 12, 31)) WHERE s.role IN (''director'', ''caregiver'', ''teacher'', ''healthWorker'') GROUP BY 1, 2',
 NULL, '{childcare_staff}', '001 indicator 10; childcare_staff'),
('childcare.certifiedCareStaff', '持证保育人员数', 'Certified care staff',
 'SELECT s.unit_code, y.year, count(*) AS amount FROM childcare_staff s JOIN indicator_years y ON s.hired_on <= make_date(y.year, 12, 31) AND (s.left_on IS NULL OR s.left_on > make_date(y.year, 12, 31)) WHERE s.role IN (''director'', ''caregiver'', ''teacher'', ''healthWorker'') AND EXISTS (SELECT 1 FROM childcare_staff_certificates k WHERE k.staff_id = s.id AND k.cert_type IN (''caregiver'', ''teacher'', ''health'', ''nurse'') AND k.valid_from <= make_date(y.year, 12, 31) AND (k.valid_to IS NULL OR k.valid_to >= make_date(y.year, 12, 31))) GROUP BY 1, 2',
 'SELECT s.unit_code, y.year, s.id::text AS record_id, s.role || '' · '' || c.name AS label, 1 AS amount FROM childcare_staff s JOIN childcare_centers c ON c.id = s.center_id JOIN indicator_years y ON s.hired_on <= make_date(y.year, 12, 31) AND (s.left_on IS NULL OR s.left_on > make_date(y.year, 12, 31)) WHERE s.role IN (''director'', ''caregiver'', ''teacher'', ''healthWorker'') AND EXISTS (SELECT 1 FROM childcare_staff_certificates k WHERE k.staff_id = s.id AND k.cert_type IN (''caregiver'', ''teacher'', ''health'', ''nurse'') AND k.valid_from <= make_date(y.year, 12, 31) AND (k.valid_to IS NULL OR k.valid_to >= make_date(y.year, 12, 31)))',
 '{childcare_staff,childcare_staff_certificates}', '001 indicator 10; 004'),
('childcare.enrolled', '在托婴幼儿数(年末)', 'Children enrolled at year end',
 'SELECT e.unit_code, y.year, count(*) AS amount FROM childcare_enrolments e JOIN indicator_years y ON e.start_date <= make_date(y.year, 12, 31) AND (e.end_date IS NULL OR e.end_date > make_date(y.year, 12, 31)) GROUP BY 1, 2',
 NULL, '{childcare_enrolments}', 'childcare_enrolments');

INSERT INTO indicators (code, name_zh, name_en, numerator, denominator, unit, direction, min_level, theme, sort_order, source) VALUES
('childcare.placesPer1000', '每千人口拥有3岁以下婴幼儿托位数', 'Childcare places for under-3s per 1,000 residents',
 'childcare.places', 'pop.residents', 'per1000', 'higher', 3, 'childcare', 30, '001 indicator 3; 004 (4.6 by 2025)'),
('childcare.affordableShare', '普惠性托位占比', 'Affordable share of childcare places',
 'childcare.affordablePlaces', 'childcare.places', 'percent', 'higher', 3, 'childcare', 40, '001 indicator 4; 004 (≥ 90% by 2035)'),
('childcare.townshipCoverage', '乡镇(街道)托育机构覆盖率', 'Townships with a childcare center',
 'childcare.townshipsWithCenter', 'org.townships', 'percent', 'higher', 3, 'childcare', 50, '001 indicator 5'),
('childcare.affordableTownshipCoverage', '乡镇(街道)普惠托育机构覆盖率', 'Townships with an affordable childcare center',
 'childcare.townshipsWithAffordable', 'org.townships', 'percent', 'higher', 3, 'childcare', 60, '001 indicator 6; 004 (100% by 2025)'),
('childcare.certifiedStaffShare', '托育从业人员持证上岗率', 'Certified childcare staff',
 'childcare.certifiedCareStaff', 'childcare.careStaff', 'percent', 'higher', 3, 'childcare', 100, '001 indicator 10; 004 (≥ 80% by 2025)'),
('childcare.occupancy', '托位使用率', 'Use of childcare places',
 'childcare.enrolled', 'childcare.places', 'percent', 'higher', 3, 'childcare', 110, 'Enrolled children at year end ÷ places');

INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.placesPer1000', '330683', y, 'atLeast', v, '001 indicator 3'
FROM (VALUES (2023, 4.0), (2024, 4.3), (2025, 4.6), (2026, 5.0), (2027, 5.5)) t(y, v);
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.placesPer1000', u, 2025, 'atLeast', 4.6, '004: 4.6 places per 1,000 residents by 2025'
FROM unnest(ARRAY['3306', '330602', '330603', '330604', '330624', '330681']) u;
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.affordableShare', '330683', y, 'atLeast', v, '001 indicator 4'
FROM (VALUES (2023, 50), (2024, 55), (2025, 60), (2026, 65), (2027, 70)) t(y, v);
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source) VALUES
('childcare.affordableShare', '3306', 2035, 'atLeast', 90, '004: affordable places ≥ 90% by 2035');
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.townshipCoverage', '330683', y, 'atLeast', 100, '001 indicator 5' FROM generate_series(2023, 2027) y;
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.affordableTownshipCoverage', '330683', y, 'atLeast', 100, '001 indicator 6' FROM generate_series(2023, 2027) y;
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.affordableTownshipCoverage', u, 2025, 'atLeast', 100, '004: township coverage of affordable childcare 100% by 2025'
FROM unnest(ARRAY['3306', '330602', '330603', '330604', '330624', '330681']) u;
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.certifiedStaffShare', '330683', y, 'atLeast', v, '001 indicator 10'
FROM (VALUES (2023, 70), (2024, 75), (2025, 85), (2026, 87), (2027, 90)) t(y, v);
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'childcare.certifiedStaffShare', u, 2025, 'atLeast', 80, '004: certified childcare staff ≥ 80% by 2025'
FROM unnest(ARRAY['3306', '330602', '330603', '330604', '330624', '330681']) u;

INSERT INTO geo_facility_kinds (code, name_zh, name_en, list_sql, capacity_zh, capacity_en, sort_order, source) VALUES
('childcareCenter', '托育机构', 'Childcare center',
 'SELECT c.id::text AS id, c.unit_code, c.name, c.lon, c.lat, (SELECT coalesce(sum(k.capacity), 0) FROM childcare_classes k WHERE k.center_id = c.id AND k.active)::float8 AS capacity, (SELECT count(*) FROM childcare_enrolments e WHERE e.center_id = c.id AND e.status = ''active'')::float8 AS in_use, c.affordable, c.opened_on FROM childcare_centers c WHERE c.status = ''filed'' AND c.form <> ''communityStation''',
 '托位', 'places', 10, 'childcare_centers, classes and enrolments (SPEC §3.1)');
UPDATE geo_facility_kinds SET
  list_sql = 'SELECT c.id::text AS id, c.unit_code, c.name, c.lon, c.lat, (SELECT coalesce(sum(k.capacity), 0) FROM childcare_classes k WHERE k.center_id = c.id AND k.active)::float8 AS capacity, (SELECT count(*) FROM childcare_enrolments e WHERE e.center_id = c.id AND e.status = ''active'')::float8 AS in_use, c.affordable, c.opened_on FROM childcare_centers c WHERE c.status = ''filed'' AND c.form = ''communityStation''',
  source = 'childcare_centers of the form communityStation (SPEC §3.1, §3.13)'
WHERE code = 'childcareStation';
