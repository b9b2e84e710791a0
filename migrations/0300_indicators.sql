-- Indicators, targets and the cockpit (监测评价, 驾驶舱, SPEC §3.12). The registry is data:
-- a measure is a SELECT over platform tables that yields (unit_code, year, amount) where the
-- data lives; an indicator is a numerator measure over an optional denominator measure with a
-- unit, a direction and the deepest level it is meaningful at. A refresh evaluates every
-- measure, rolls it up the admin tree by summing, and recomputes each indicator from the
-- summed numerator and denominator of every unit, so no ratio is ever averaged.

CREATE TABLE indicator_measures (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-zA-Z0-9_.]{1,62}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- SELECT … AS unit_code, … AS year, … AS amount: one row per unit and year where the data lives.
  -- The years of the population base are available to it as the table indicator_years(year).
  leaf_sql text NOT NULL,
  -- Optional SELECT … AS unit_code, … AS year, … AS record_id, … AS label, … AS amount: the
  -- records behind the amount, for the "why" view. No personal names or ID numbers in label.
  detail_sql text,
  -- Tables the measure reads: a change to any of them marks the stored values stale.
  source_tables text[] NOT NULL DEFAULT '{}',
  source text NOT NULL
);

CREATE TABLE indicators (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-zA-Z0-9_.]{1,62}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  numerator text NOT NULL REFERENCES indicator_measures (code),
  denominator text REFERENCES indicator_measures (code),
  unit text NOT NULL CHECK (unit IN ('percent', 'permille', 'per1000', 'per10000', 'count')),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  -- The deepest level (1 city … 4 village) at which the indicator is computed and shown.
  min_level smallint NOT NULL CHECK (min_level BETWEEN 1 AND 4),
  theme text NOT NULL CHECK (theme IN ('childcare', 'health', 'insurance', 'elderly', 'welfare')),
  sort_order integer NOT NULL DEFAULT 0,
  source text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  CHECK ((unit = 'count') = (denominator IS NULL))
);

-- Targets per indicator, unit and year. A unit without its own target is held to its nearest
-- ancestor's. "Keep at historical low" is a comparison with the unit's own earlier values.
-- The unit is a division code without a foreign key: targets load with the migrations,
-- before the admin tree is loaded.
CREATE TABLE indicator_targets (
  indicator_code text NOT NULL REFERENCES indicators (code),
  unit_code text COLLATE "C" NOT NULL CHECK (unit_code ~ '^[0-9]{4}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?$'),
  year smallint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('atLeast', 'atMost', 'historicalLow')),
  value numeric CHECK (value >= 0),
  source text NOT NULL,
  CHECK ((kind = 'historicalLow') = (value IS NULL)),
  PRIMARY KEY (indicator_code, unit_code, year)
);
CREATE INDEX indicator_targets_unit_idx ON indicator_targets (unit_code, indicator_code);

-- 资源预警五色图: the attainment (value ÷ target, or target ÷ value where lower is better)
-- from which each colour starts, dated so a later review can change them.
CREATE TABLE indicator_warning_bands (
  color text NOT NULL CHECK (color IN ('blue', 'green', 'yellow', 'orange', 'red')),
  min_attainment numeric,
  effective_from date NOT NULL,
  effective_to date,
  source text NOT NULL,
  CHECK ((color = 'red') = (min_attainment IS NULL)),
  PRIMARY KEY (effective_from, color)
);

CREATE TABLE indicator_values (
  indicator_code text NOT NULL REFERENCES indicators (code),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  year smallint NOT NULL,
  numerator numeric NOT NULL,
  denominator numeric,
  value numeric,
  target_kind text,
  target numeric,
  target_unit_code text COLLATE "C",
  attainment numeric,
  color text,
  PRIMARY KEY (indicator_code, unit_code, year)
);
CREATE INDEX indicator_values_unit_idx ON indicator_values (unit_code, indicator_code, year);

CREATE TABLE indicator_refreshes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('manual', 'seed', 'dataChanged', 'registry')),
  actor_username text NOT NULL,
  indicators integer NOT NULL,
  values_written integer NOT NULL,
  millis integer NOT NULL
);
CREATE INDEX indicator_refreshes_finished_idx ON indicator_refreshes (finished_at DESC);

-- Set by statement triggers on the measures' source tables; a refresh clears it.
CREATE TABLE indicator_staleness (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  changed_at timestamptz
);
INSERT INTO indicator_staleness (id, changed_at) VALUES (true, NULL);

CREATE FUNCTION indicator_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- At most one write every few seconds, so busy tables do not queue on this row.
  UPDATE indicator_staleness SET changed_at = now() WHERE id AND (changed_at IS NULL OR changed_at < now() - interval '5 seconds');
  RETURN NULL;
END $$;
