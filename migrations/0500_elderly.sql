-- Elderly (SPEC §3.11): profiles (精准画像) of people 60+, ability assessments of GB/T 42195-2022,
-- annual health assessments of 65+, the dementia screening loop, institutions and beds, the
-- waiting lists of public homes, and front-line care workers for the allowances of SPEC §3.8.
-- A person's records are scoped by the person's unit (persons.unit_code); unit_code is kept
-- on every row for distribution by county.

-- One-time payments to a person (the graduates' entry award) join the rules engine's units.
ALTER TABLE subsidy_rules DROP CONSTRAINT subsidy_rules_unit_check;
ALTER TABLE subsidy_rules ADD CONSTRAINT subsidy_rules_unit_check CHECK (unit IN ('childMonth', 'place', 'center', 'personMonth', 'person'));

CREATE TABLE elderly_profiles (
  person_id uuid PRIMARY KEY REFERENCES persons (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  household text NOT NULL CHECK (household IN ('localUrban', 'localRural', 'nonLocal')),
  living_arrangement text NOT NULL CHECK (living_arrangement IN ('alone', 'emptyNest', 'leftBehind', 'withFamily', 'institution')),
  economic_status text NOT NULL CHECK (economic_status IN ('ordinary', 'lowIncome', 'lowIncomeEdge', 'destitute', 'specialDifficulty')),
  health_status text NOT NULL CHECK (health_status IN ('good', 'fair', 'chronic', 'poor')),
  care_mode text NOT NULL CHECK (care_mode IN ('home', 'community', 'institution')),
  flags text[] NOT NULL DEFAULT '{}',
  note text,
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elderly_profiles_unit_idx ON elderly_profiles (unit_code);

CREATE TABLE elderly_assessments (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  assessed_on date NOT NULL,
  reason text NOT NULL CHECK (reason IN ('first', 'regular', 'changed', 'review')),
  assessor_id uuid REFERENCES users (id),
  assessor_name text NOT NULL,
  standard_version text NOT NULL,
  scores jsonb NOT NULL,
  dimension_totals jsonb NOT NULL,
  total smallint NOT NULL CHECK (total BETWEEN 0 AND 90),
  base_level text NOT NULL,
  level text NOT NULL CHECK (level IN ('intact', 'mild', 'moderate', 'severe', 'complete')),
  coma boolean NOT NULL,
  dementia boolean NOT NULL,
  risk_events smallint NOT NULL CHECK (risk_events >= 0),
  changes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elderly_assessments_person_idx ON elderly_assessments (person_id, assessed_on DESC, created_at DESC);
CREATE INDEX elderly_assessments_unit_idx ON elderly_assessments (unit_code, level);

CREATE TABLE elderly_health_assessments (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  year smallint NOT NULL,
  assessed_on date NOT NULL,
  smoking boolean NOT NULL,
  drinking boolean NOT NULL,
  exercise text NOT NULL CHECK (exercise IN ('daily', 'weekly', 'rarely', 'never')),
  systolic smallint NOT NULL CHECK (systolic BETWEEN 60 AND 260),
  diastolic smallint NOT NULL CHECK (diastolic BETWEEN 30 AND 160),
  height_cm numeric(4, 1) NOT NULL,
  weight_kg numeric(4, 1) NOT NULL,
  fasting_glucose numeric(4, 1),
  tcm_constitution text NOT NULL,
  self_care text NOT NULL CHECK (self_care IN ('independent', 'mildDependent', 'moderateDependent', 'dependent')),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, year)
);
CREATE INDEX elderly_health_unit_idx ON elderly_health_assessments (unit_code, year);

CREATE TABLE elderly_dementia_cases (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  tool text NOT NULL CHECK (tool IN ('ad8', 'mmse')),
  score smallint NOT NULL CHECK (score >= 0),
  education text CHECK (education IN ('none', 'primary', 'juniorOrAbove')),
  positive boolean NOT NULL,
  screened_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('screened', 'intervening', 'referred', 'inCare', 'closed')),
  last_step_on date NOT NULL,
  due_on date,
  referral_level text CHECK (referral_level IN ('township', 'county', 'city')),
  institution text,
  outcome text,
  closed_on date,
  steps jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX elderly_dementia_person_idx ON elderly_dementia_cases (person_id, screened_on DESC);
CREATE INDEX elderly_dementia_unit_idx ON elderly_dementia_cases (unit_code, status);

CREATE TABLE elderly_institutions (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  public_home boolean NOT NULL,
  beds integer NOT NULL CHECK (beds >= 0),
  nursing_beds integer NOT NULL CHECK (nursing_beds >= 0 AND nursing_beds <= beds),
  dementia_beds integer NOT NULL CHECK (dementia_beds >= 0 AND dementia_beds <= beds),
  occupied_beds integer NOT NULL DEFAULT 0 CHECK (occupied_beds >= 0 AND occupied_beds <= beds),
  social_workers integer NOT NULL CHECK (social_workers >= 0),
  address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_code, name)
);
CREATE INDEX elderly_institutions_unit_idx ON elderly_institutions (unit_code);

CREATE TABLE elderly_waitlist (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  institution_id uuid NOT NULL REFERENCES elderly_institutions (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  applied_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'admitted', 'withdrawn')),
  decided_on date,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'waiting') = (decided_on IS NULL))
);
CREATE UNIQUE INDEX elderly_waitlist_one_open ON elderly_waitlist (institution_id, person_id) WHERE status = 'waiting';
CREATE INDEX elderly_waitlist_unit_idx ON elderly_waitlist (unit_code, status);

-- Front-line care workers and graduates in elderly-care institutions (no ID numbers here).
CREATE TABLE elderly_care_workers (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  institution_id uuid NOT NULL REFERENCES elderly_institutions (id),
  name text NOT NULL,
  started_on date NOT NULL,
  graduate_education text CHECK (graduate_education IN ('bachelorOrAbove', 'college', 'secondaryVocational')),
  graduated_on date,
  certificates jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elderly_care_workers_unit_idx ON elderly_care_workers (unit_code);
