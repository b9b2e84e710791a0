-- Subsidies (SPEC §3.8): the rules as dated data, the monthly computation per center with one
-- line per child and rule (which rule, which child, which days), its county approval and
-- payment, and one-time claims (premises, converted places) with their decision.

-- City-wide policy: no unit_code. One version per code and day (checked by the service).
CREATE TABLE subsidy_rules (
  id uuid PRIMARY KEY,
  code text NOT NULL,
  programme text NOT NULL CHECK (programme IN ('childcare', 'elderly')),
  kind text NOT NULL CHECK (kind IN ('monthly', 'oneTime')),
  unit text NOT NULL CHECK (unit IN ('childMonth', 'place', 'center', 'personMonth')),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  basis text NOT NULL CHECK (basis IN ('fixed', 'actualCostCapped')),
  conditions jsonb NOT NULL DEFAULT '[]'::jsonb,
  effective_from date NOT NULL,
  effective_to date,
  source text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

CREATE TABLE subsidy_months (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('computed', 'approved', 'paid')),
  children integer NOT NULL CHECK (children >= 0),
  total_fen bigint NOT NULL CHECK (total_fen >= 0),
  unmet jsonb NOT NULL DEFAULT '[]'::jsonb,
  computed_at timestamptz NOT NULL DEFAULT now(),
  computed_by_name text NOT NULL,
  approved_at timestamptz,
  approved_by uuid REFERENCES users (id),
  approved_by_name text,
  paid_on date,
  UNIQUE (center_id, month),
  CHECK (status = 'computed' OR approved_at IS NOT NULL),
  CHECK (status <> 'paid' OR paid_on IS NOT NULL)
);
CREATE INDEX subsidy_months_unit_idx ON subsidy_months (unit_code, month, status);
CREATE INDEX subsidy_months_month_idx ON subsidy_months (month, unit_code);

CREATE TABLE subsidy_lines (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  month_id uuid NOT NULL REFERENCES subsidy_months (id) ON DELETE CASCADE,
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  enrolment_id uuid NOT NULL REFERENCES childcare_enrolments (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  rule_code text NOT NULL,
  rate_fen bigint NOT NULL,
  days smallint NOT NULL CHECK (days > 0),
  days_in_month smallint NOT NULL CHECK (days_in_month BETWEEN 28 AND 31),
  spans jsonb NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  CHECK (days <= days_in_month)
);
CREATE INDEX subsidy_lines_unit_idx ON subsidy_lines (unit_code, month_id);
CREATE INDEX subsidy_lines_month_idx ON subsidy_lines (month_id);

CREATE TABLE subsidy_claims (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  rule_code text NOT NULL,
  cost_fen bigint NOT NULL CHECK (cost_fen > 0),
  places integer CHECK (places > 0),
  description text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
  cap_fen bigint,
  amount_fen bigint,
  submitted_by uuid REFERENCES users (id),
  submitted_by_name text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_by_name text,
  decided_at timestamptz,
  decision_comment text,
  CHECK (status = 'submitted' OR decided_at IS NOT NULL),
  CHECK (status <> 'approved' OR amount_fen IS NOT NULL),
  CHECK (status <> 'rejected' OR decision_comment IS NOT NULL)
);
CREATE INDEX subsidy_claims_unit_idx ON subsidy_claims (unit_code, status);
-- One-time: one live claim per center and rule.
CREATE UNIQUE INDEX subsidy_claims_once_idx ON subsidy_claims (center_id, rule_code) WHERE status IN ('submitted', 'approved');
