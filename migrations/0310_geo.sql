-- One map and the 15-minute service circle (一张图, 15分钟服务圈, SPEC §3.13). Units' points
-- (approximate until a surveyed set is loaded) and the registry of facility kinds as data: a
-- kind is a SELECT yielding its facilities with place, capacity and use, so a module that
-- lands later adds its kind with one row and no change to the map or the analysis.

CREATE TABLE unit_locations (
  unit_code text COLLATE "C" PRIMARY KEY REFERENCES org_units (code),
  lon double precision NOT NULL CHECK (lon BETWEEN 73 AND 136),
  lat double precision NOT NULL CHECK (lat BETWEEN 3 AND 54),
  method text NOT NULL CHECK (method IN ('approximate', 'surveyed'))
);

CREATE TABLE geo_facility_kinds (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-zA-Z0-9]{1,40}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- SELECT … AS id, … AS unit_code, … AS name, … AS lon, … AS lat, … AS capacity, … AS in_use,
  -- … AS affordable, … AS opened_on. lon/lat may be NULL: the facility is then shown at its unit's point.
  list_sql text,
  -- What capacity counts (places, beds, staff …), in both languages.
  capacity_zh text NOT NULL,
  capacity_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  source text NOT NULL
);

INSERT INTO geo_facility_kinds (code, name_zh, name_en, list_sql, capacity_zh, capacity_en, sort_order, source) VALUES
('childHealthCenter', '"医防护"儿童健康管理中心', '"医防护" child-health center',
 'SELECT id::text AS id, unit_code, name, NULL::float8 AS lon, NULL::float8 AS lat, child_health_staff::float8 AS capacity, NULL::float8 AS in_use, false AS affordable, opened_on FROM child_health_centers WHERE status = ''operating''',
 '儿保医生', 'child-health staff', 20, 'child_health_centers (SPEC §3.6; 001 §7)'),
-- Kinds with no module holding their records yet: listed on the map as not yet available.
('elderlyFacility', '养老服务设施', 'Elderly-care facility', NULL, '床位', 'beds', 40, 'Not yet held by the platform (SPEC §3.11)'),
('childrenHome', '儿童之家', 'Children''s home', NULL, '场所', 'sites', 50, 'Not yet held by the platform (SPEC §3.9)'),
('childcareStation', '托育服务驿站', 'Childcare station', NULL, '托位', 'places', 15, 'Not yet held by the platform (SPEC §3.1, §3.13)');
