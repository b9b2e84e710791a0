-- indicator_values is derived data, replaced whole by each refresh from the registry and the
-- admin tree; its foreign keys only cost a lookup per stored value, so they go. A refresh
-- first COPYs its values into this staging table (tagged with the refresh), then swaps them
-- into indicator_values in one short transaction.
ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_indicator_code_fkey;
ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_unit_code_fkey;

CREATE UNLOGGED TABLE indicator_values_staging (
  refresh_id uuid NOT NULL,
  indicator_code text NOT NULL,
  unit_code text COLLATE "C" NOT NULL,
  year smallint NOT NULL,
  numerator numeric NOT NULL,
  denominator numeric,
  value numeric,
  target_kind text,
  target numeric,
  target_unit_code text COLLATE "C",
  attainment numeric,
  color text
);
CREATE INDEX indicator_values_staging_refresh_idx ON indicator_values_staging (refresh_id);
