-- Elderly-care institutions on the one map and in the 15-minute circle: placed at their
-- unit's point, their capacity the beds and their use the occupied beds.
UPDATE geo_facility_kinds
SET list_sql = 'SELECT id::text AS id, unit_code, name, NULL::float8 AS lon, NULL::float8 AS lat, beds::float8 AS capacity, occupied_beds::float8 AS in_use, public_home AS affordable, created_at::date AS opened_on FROM elderly_institutions',
    source = 'elderly_institutions (SPEC §3.11)'
WHERE code = 'elderlyFacility';
