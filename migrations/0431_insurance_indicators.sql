-- Children's medical-insurance enrolment as indicators (SPEC §3.10, §4; 002): the share of
-- children enrolled for the year, and of newborns enrolled in their birth year, over the facts
-- the departments' feeds recorded (0430). The children of a year are the people under 18 at
-- its end and alive at its start; enrolment is 医保's current fact for that year — the same
-- definitions as src/modules/insurance/rules.ts. Targets from
-- 《关于开展儿童参加基本医疗保险专项行动的通知》: ≥ 80 % of newborns in their birth year (from
-- the end of 2024) and ≥ 95 % enrolment every year, for the city (held by every unit below it).

INSERT INTO indicator_measures (code, name_zh, name_en, leaf_sql, detail_sql, source_tables, source) VALUES
('insurance.children', '儿童数(18岁以下)', 'Children under 18',
 'SELECT p.unit_code, y.year, count(*) AS amount FROM persons p JOIN indicator_years y ON p.birth_date BETWEEN make_date(y.year - 17, 1, 1) AND make_date(y.year, 12, 31) WHERE NOT EXISTS (SELECT 1 FROM person_facts d WHERE d.person_id = p.id AND d.kind = ''death'' AND d.superseded_at IS NULL AND d.valid_from < make_date(y.year, 1, 1)) GROUP BY 1, 2',
 NULL, '{persons,person_facts}', '002; persons, person_facts'),
('insurance.childrenEnrolled', '参保儿童数', 'Children enrolled',
 'SELECT p.unit_code, y.year, count(*) AS amount FROM persons p JOIN indicator_years y ON p.birth_date BETWEEN make_date(y.year - 17, 1, 1) AND make_date(y.year, 12, 31) JOIN person_facts f ON f.person_id = p.id AND f.kind = ''insurance'' AND f.fact_key = y.year::text AND f.superseded_at IS NULL WHERE NOT EXISTS (SELECT 1 FROM person_facts d WHERE d.person_id = p.id AND d.kind = ''death'' AND d.superseded_at IS NULL AND d.valid_from < make_date(y.year, 1, 1)) GROUP BY 1, 2',
 NULL, '{persons,person_facts}', '002; person_facts of kind insurance'),
('insurance.newborns', '当年出生儿童数', 'Children born in the year',
 'SELECT p.unit_code, y.year, count(*) AS amount FROM persons p JOIN indicator_years y ON extract(year FROM p.birth_date)::int = y.year GROUP BY 1, 2',
 NULL, '{persons}', '002; persons'),
('insurance.newbornsEnrolled', '出生当年参保新生儿数', 'Newborns enrolled in their birth year',
 'SELECT p.unit_code, y.year, count(*) AS amount FROM persons p JOIN indicator_years y ON extract(year FROM p.birth_date)::int = y.year JOIN person_facts f ON f.person_id = p.id AND f.kind = ''insurance'' AND f.fact_key = y.year::text AND f.superseded_at IS NULL GROUP BY 1, 2',
 NULL, '{persons,person_facts}', '002; person_facts of kind insurance');

INSERT INTO indicators (code, name_zh, name_en, numerator, denominator, unit, direction, min_level, theme, sort_order, source) VALUES
('insurance.enrolmentRate', '儿童基本医疗保险参保率', 'Children enrolled in basic medical insurance',
 'insurance.childrenEnrolled', 'insurance.children', 'percent', 'higher', 3, 'insurance', 200, '002 (≥ 95% every year)'),
('insurance.newbornEnrolmentRate', '新生儿出生当年参保率', 'Newborns enrolled in their birth year',
 'insurance.newbornsEnrolled', 'insurance.newborns', 'percent', 'higher', 3, 'insurance', 210, '002 (≥ 80% by the end of 2024)');

INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'insurance.enrolmentRate', '3306', y, 'atLeast', 95, '002: 每年95%以上参保率'
FROM generate_series(2022, 2027) y;
INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
SELECT 'insurance.newbornEnrolmentRate', '3306', y, 'atLeast', 80, '002: 力争至2024年底80%以上新生儿在出生当年参保'
FROM generate_series(2024, 2027) y;
