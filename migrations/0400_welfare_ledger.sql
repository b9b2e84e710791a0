-- Child welfare ledger (儿童福利台账, SPEC §3.9): key children of the people registry with
-- their categories (basis, start, end, who confirmed), contact card, visits, the workforce
-- (儿童督导员 / 儿童主任) and the monthly basic living support with its county approval.
-- Every row carries the unit_code of the child's village (workers: the unit they cover).

CREATE TABLE welfare_workers (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  role text NOT NULL CHECK (role IN ('supervisor', 'director')),
  name text NOT NULL,
  phone text NOT NULL,
  user_id uuid REFERENCES users (id),
  active boolean NOT NULL DEFAULT true,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_code, role, name, phone)
);
CREATE INDEX welfare_workers_unit_idx ON welfare_workers (unit_code, role);

CREATE TABLE welfare_children (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL UNIQUE REFERENCES persons (id),
  director_id uuid REFERENCES welfare_workers (id),
  supervisor_id uuid REFERENCES welfare_workers (id),
  guardian_name text,
  guardian_relation text CHECK (guardian_relation IN ('mother', 'father', 'grandparent', 'relative', 'institution', 'other')),
  guardian_phone text,
  note text,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX welfare_children_unit_idx ON welfare_children (unit_code);
CREATE INDEX welfare_children_director_idx ON welfare_children (director_id);

CREATE TABLE welfare_memberships (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  child_id uuid NOT NULL REFERENCES welfare_children (id),
  category text NOT NULL,
  subclass text,
  basis text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  end_reason text,
  confirmed_by uuid REFERENCES users (id),
  confirmed_by_name text NOT NULL,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  ended_by_name text,
  ended_at timestamptz,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX welfare_memberships_unit_idx ON welfare_memberships (unit_code, category);
CREATE INDEX welfare_memberships_child_idx ON welfare_memberships (child_id);
-- One open membership per child and category.
CREATE UNIQUE INDEX welfare_memberships_open_idx ON welfare_memberships (child_id, category) WHERE end_date IS NULL;

CREATE TABLE welfare_visits (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  child_id uuid NOT NULL REFERENCES welfare_children (id),
  visited_on date NOT NULL,
  visitor_name text NOT NULL,
  findings text NOT NULL,
  needs text,
  created_by uuid REFERENCES users (id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The same visit sent twice is one visit.
  UNIQUE (child_id, visited_on, visitor_name)
);
CREATE INDEX welfare_visits_unit_idx ON welfare_visits (unit_code, visited_on);
CREATE INDEX welfare_visits_child_idx ON welfare_visits (child_id, visited_on);

-- One county's basic living support for one month.
CREATE TABLE welfare_support_runs (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('computed', 'approved')),
  children integer NOT NULL CHECK (children >= 0),
  total_fen bigint NOT NULL CHECK (total_fen >= 0),
  computed_by_name text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid REFERENCES users (id),
  approved_by_name text,
  approved_at timestamptz,
  UNIQUE (unit_code, month),
  CHECK (status = 'computed' OR approved_at IS NOT NULL)
);

CREATE TABLE welfare_support_lines (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  run_id uuid NOT NULL REFERENCES welfare_support_runs (id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES welfare_children (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  rule_code text NOT NULL,
  rate_fen bigint NOT NULL,
  days smallint NOT NULL CHECK (days > 0),
  days_in_month smallint NOT NULL CHECK (days_in_month BETWEEN 28 AND 31),
  spans jsonb NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  CHECK (days <= days_in_month),
  -- A child is paid once per standard and month.
  UNIQUE (run_id, child_id, rule_code)
);
CREATE INDEX welfare_support_lines_unit_idx ON welfare_support_lines (unit_code, run_id);

-- The subsidies engine's rule table accepts the welfare programme too.
ALTER TABLE subsidy_rules DROP CONSTRAINT subsidy_rules_programme_check;
ALTER TABLE subsidy_rules ADD CONSTRAINT subsidy_rules_programme_check CHECK (programme IN ('childcare', 'elderly', 'welfare'));
