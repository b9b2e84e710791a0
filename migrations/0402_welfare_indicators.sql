-- Child-welfare indicators in the registry and the cockpit, and children's homes on the one
-- map. Targets from 《绍兴市儿童与福利发展“十四五”规划》: demonstration homes at least 15 % of
-- all children's homes, and one or more in every township (street), by 2025.

INSERT INTO indicator_measures (code, name_zh, name_en, leaf_sql, detail_sql, source_tables, source) VALUES
('welfare.homes', '儿童之家数', 'Children''s homes',
 'SELECT h.unit_code, y.year, count(*) AS amount FROM welfare_homes h JOIN indicator_years y ON h.opened_on <= make_date(y.year, 12, 31) GROUP BY 1, 2',
 'SELECT h.unit_code, y.year, h.id::text AS record_id, h.name || CASE WHEN h.kind = ''demonstration'' THEN '' · 示范型'' ELSE '' · 基础型'' END AS label, 1 AS amount FROM welfare_homes h JOIN indicator_years y ON h.opened_on <= make_date(y.year, 12, 31)',
 '{welfare_homes}', 'welfare_homes'),
('welfare.demoHomes', '示范型儿童之家数', 'Demonstration children''s homes',
 'SELECT h.unit_code, y.year, count(*) AS amount FROM welfare_homes h JOIN indicator_years y ON h.opened_on <= make_date(y.year, 12, 31) WHERE h.kind = ''demonstration'' GROUP BY 1, 2',
 'SELECT h.unit_code, y.year, h.id::text AS record_id, h.name AS label, 1 AS amount FROM welfare_homes h JOIN indicator_years y ON h.opened_on <= make_date(y.year, 12, 31) WHERE h.kind = ''demonstration''',
 '{welfare_homes}', 'welfare_homes'),
('welfare.townships', '乡镇(街道)数', 'Townships and streets',
 'SELECT u.code AS unit_code, y.year, 1 AS amount FROM org_units u CROSS JOIN indicator_years y WHERE u.level = 3',
 NULL, '{org_units}', 'The admin tree'),
('welfare.townshipsWithDemoHome', '建有示范型儿童之家的乡镇(街道)数', 'Townships with a demonstration children''s home',
 'SELECT u.code AS unit_code, y.year, 1 AS amount FROM org_units u CROSS JOIN indicator_years y WHERE u.level = 3 AND EXISTS (SELECT 1 FROM welfare_homes h WHERE h.kind = ''demonstration'' AND h.unit_code LIKE u.code || ''%'' AND h.opened_on <= make_date(y.year, 12, 31))',
 NULL, '{org_units,welfare_homes}', 'welfare_homes'),
('welfare.keyChildren', '年末在册重点儿童数', 'Key children on the ledger at year end',
 'SELECT c.unit_code, y.year, count(*) AS amount FROM welfare_children c JOIN indicator_years y ON EXISTS (SELECT 1 FROM welfare_memberships m WHERE m.child_id = c.id AND m.start_date <= make_date(y.year, 12, 31) AND (m.end_date IS NULL OR m.end_date >= make_date(y.year, 12, 31))) GROUP BY 1, 2',
 NULL, '{welfare_children,welfare_memberships}', 'welfare_children, welfare_memberships'),
('welfare.keyChildrenVisited', '年内得到探访的重点儿童数', 'Key children visited in the year',
 'SELECT c.unit_code, y.year, count(*) AS amount FROM welfare_children c JOIN indicator_years y ON EXISTS (SELECT 1 FROM welfare_memberships m WHERE m.child_id = c.id AND m.start_date <= make_date(y.year, 12, 31) AND (m.end_date IS NULL OR m.end_date >= make_date(y.year, 12, 31))) AND EXISTS (SELECT 1 FROM welfare_visits v WHERE v.child_id = c.id AND extract(year FROM v.visited_on) = y.year) GROUP BY 1, 2',
 NULL, '{welfare_children,welfare_memberships,welfare_visits}', 'welfare_visits');

INSERT INTO indicators (code, name_zh, name_en, numerator, denominator, unit, direction, min_level, theme, sort_order, source) VALUES
('welfare.demoHomeShare', '示范型儿童之家占比', 'Demonstration share of children''s homes',
 'welfare.demoHomes', 'welfare.homes', 'percent', 'higher', 3, 'welfare', 200,
 '《绍兴市儿童与福利发展“十四五”规划》：示范型儿童之家达到儿童之家总数的15%以上'),
('welfare.demoHomeTownshipCoverage', '建有示范型儿童之家的乡镇(街道)覆盖率', 'Townships with a demonstration children''s home',
 'welfare.townshipsWithDemoHome', 'welfare.townships', 'percent', 'higher', 2, 'welfare', 210,
 '《绍兴市儿童与福利发展“十四五”规划》：每个乡镇(街道)建有1家以上示范型儿童之家'),
('welfare.visitCoverage', '重点儿童探访覆盖率', 'Key children visited in the year',
 'welfare.keyChildrenVisited', 'welfare.keyChildren', 'percent', 'higher', 3, 'welfare', 220,
 'Key children on the ledger at year end who had a visit in the year');

INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source) VALUES
('welfare.demoHomeShare', '3306', 2025, 'atLeast', 15, '《绍兴市儿童与福利发展“十四五”规划》'),
('welfare.demoHomeTownshipCoverage', '3306', 2025, 'atLeast', 100, '《绍兴市儿童与福利发展“十四五”规划》');

UPDATE geo_facility_kinds
SET list_sql = 'SELECT id::text AS id, unit_code, name, NULL::float8 AS lon, NULL::float8 AS lat, 1::float8 AS capacity, NULL::float8 AS in_use, (kind = ''demonstration'') AS affordable, opened_on FROM welfare_homes',
    source = 'welfare_homes (SPEC §3.9)'
WHERE code = 'childrenHome';
