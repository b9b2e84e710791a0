-- Infant health (婴儿健康"一件事", SPEC §3.6): growth measurements with their WHO z-scores,
-- developmental screening (warning signs, M-CHAT-R/F) and graded referrals, vaccinations,
-- newborn home visits, and the registry of "医、防、护" child-health management centers.
-- Every record carries the child's unit_code (the person's, kept in step by a trigger when
-- the child moves), so a child's history stays readable where the child now lives.

CREATE TABLE child_health_centers (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  host_institution text NOT NULL,
  address text,
  phone text,
  status text NOT NULL CHECK (status IN ('planned', 'building', 'operating', 'suspended')),
  grade text NOT NULL CHECK (grade IN ('standard', 'countyModel', 'cityModel')),
  services text[] NOT NULL DEFAULT '{}',
  child_health_staff smallint NOT NULL DEFAULT 0 CHECK (child_health_staff >= 0),
  opened_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'operating' OR opened_on IS NOT NULL)
);
CREATE INDEX child_health_centers_unit_idx ON child_health_centers (unit_code);

CREATE TABLE growth_measurements (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  measured_on date NOT NULL,
  age_days integer NOT NULL CHECK (age_days >= 0),
  weight_kg double precision CHECK (weight_kg > 0),
  length_cm double precision CHECK (length_cm > 0),
  position text CHECK (position IN ('recumbent', 'standing')),
  head_cm double precision CHECK (head_cm > 0),
  bmi double precision,
  z_weight double precision,
  z_length double precision,
  z_weight_length double precision,
  z_bmi double precision,
  z_head double precision,
  notes text,
  recorded_by uuid REFERENCES users (id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (weight_kg IS NOT NULL OR length_cm IS NOT NULL OR head_cm IS NOT NULL),
  CHECK ((length_cm IS NULL) = (position IS NULL))
);
CREATE INDEX growth_measurements_unit_idx ON growth_measurements (unit_code, person_id, measured_on);
CREATE INDEX growth_measurements_person_idx ON growth_measurements (person_id, measured_on);

CREATE TABLE dev_screenings (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  instrument text NOT NULL CHECK (instrument IN ('warningSigns', 'mchat')),
  screened_on date NOT NULL,
  age_months smallint NOT NULL,
  band_months smallint,
  signs_present smallint[],
  regression boolean,
  answers boolean[],
  score smallint,
  risk text CHECK (risk IN ('low', 'medium', 'high')),
  follow_up_on date,
  follow_up_items smallint[],
  follow_up_score smallint,
  result text NOT NULL CHECK (result IN ('negative', 'positive', 'followUpNeeded')),
  notes text,
  recorded_by uuid REFERENCES users (id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (instrument <> 'warningSigns' OR (band_months IS NOT NULL AND signs_present IS NOT NULL AND regression IS NOT NULL)),
  CHECK (instrument <> 'mchat' OR (cardinality(answers) = 20 AND score IS NOT NULL AND risk IS NOT NULL))
);
CREATE INDEX dev_screenings_unit_idx ON dev_screenings (unit_code, person_id, screened_on);
CREATE INDEX dev_screenings_person_idx ON dev_screenings (person_id, screened_on);

CREATE TABLE dev_referrals (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  screening_id uuid NOT NULL REFERENCES dev_screenings (id),
  triggers text[] NOT NULL,
  level text NOT NULL CHECK (level IN ('county', 'city')),
  status text NOT NULL CHECK (status IN ('suggested', 'referred', 'attended', 'closed')),
  suggested_on date NOT NULL,
  institution text,
  referred_on date,
  attended_on date,
  result text CHECK (result IN ('normal', 'delay', 'asd', 'other')),
  outcome text CHECK (outcome IN ('normal', 'inIntervention', 'declined', 'lostToFollowUp', 'movedAway')),
  closed_on date,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX dev_referrals_unit_idx ON dev_referrals (unit_code, status);
CREATE INDEX dev_referrals_person_idx ON dev_referrals (person_id);
CREATE UNIQUE INDEX dev_referrals_screening_uq ON dev_referrals (screening_id);

CREATE TABLE vaccinations (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  vaccine text NOT NULL,
  series text NOT NULL,
  dose smallint NOT NULL CHECK (dose >= 1),
  given_on date NOT NULL,
  lot text,
  place text,
  recorded_by uuid REFERENCES users (id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, series, dose)
);
CREATE INDEX vaccinations_unit_idx ON vaccinations (unit_code, person_id);

CREATE TABLE newborn_visits (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  visited_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('postDischarge', 'fullMonth')),
  weight_kg double precision CHECK (weight_kg > 0),
  feeding text CHECK (feeding IN ('breast', 'mixed', 'formula')),
  jaundice boolean NOT NULL DEFAULT false,
  umbilicus_normal boolean NOT NULL DEFAULT true,
  findings text,
  guidance text[] NOT NULL DEFAULT '{}',
  referred boolean NOT NULL DEFAULT false,
  recorded_by uuid REFERENCES users (id),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX newborn_visits_unit_idx ON newborn_visits (unit_code, person_id);
CREATE INDEX newborn_visits_person_idx ON newborn_visits (person_id);

-- The licensed M-CHAT-R/F item wording, supplied by the deploying health authority under
-- its licence from the authors. Platform configuration: no personal data, not scoped.
CREATE TABLE mchat_wordings (
  locale text PRIMARY KEY CHECK (locale IN ('zh-CN', 'en-US')),
  items jsonb NOT NULL CHECK (jsonb_array_length(items) = 20),
  version text NOT NULL,
  licence text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  loaded_by text NOT NULL
);

CREATE FUNCTION health_records_follow_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE growth_measurements SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  UPDATE dev_screenings SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  UPDATE dev_referrals SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  UPDATE vaccinations SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  UPDATE newborn_visits SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_health_records_unit AFTER UPDATE OF unit_code ON persons
  FOR EACH ROW WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code)
  EXECUTE FUNCTION health_records_follow_person();
