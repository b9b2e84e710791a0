-- Supervision of childcare centers (监管全覆盖, SPEC §3.4): inspection plans with the
-- double-random draw (双随机: centers and inspectors, seeded and recorded so anyone can redo
-- it), inspections against a checklist per type, findings, rectification orders with their
-- deadline and follow-up, incident and emergency reports from centers, complaints from
-- parents, and the credit record (信用监管) that findings, overdue orders, incidents and
-- upheld complaints feed.

CREATE TABLE inspection_plans (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  inspection_type text NOT NULL CHECK (inspection_type IN ('routine', 'fireSafety', 'foodHygiene', 'special')),
  period_from date NOT NULL,
  period_to date NOT NULL,
  sample_size integer NOT NULL CHECK (sample_size > 0),
  inspectors_per_center smallint NOT NULL CHECK (inspectors_per_center BETWEEN 1 AND 5),
  status text NOT NULL CHECK (status IN ('draft', 'drawn')),
  draw jsonb,
  drawn_at timestamptz,
  drawn_by_name text,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_to >= period_from),
  CHECK (status = 'draft' OR draw IS NOT NULL)
);
CREATE INDEX inspection_plans_unit_idx ON inspection_plans (unit_code, period_from);

CREATE TABLE inspections (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  plan_id uuid REFERENCES inspection_plans (id),
  inspection_type text NOT NULL CHECK (inspection_type IN ('routine', 'fireSafety', 'foodHygiene', 'special')),
  checklist_version text NOT NULL,
  scheduled_on date NOT NULL,
  inspected_on date,
  inspector_ids uuid[] NOT NULL DEFAULT '{}',
  inspector_names text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('scheduled', 'done')),
  results jsonb,
  summary text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'scheduled' OR (inspected_on IS NOT NULL AND results IS NOT NULL))
);
CREATE INDEX inspections_unit_idx ON inspections (unit_code, status, scheduled_on);
CREATE INDEX inspections_center_idx ON inspections (center_id, scheduled_on);

CREATE TABLE inspection_findings (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  inspection_id uuid NOT NULL REFERENCES inspections (id),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  item_code text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  description text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_findings_unit_idx ON inspection_findings (unit_code, inspection_id);

CREATE TABLE rectification_orders (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  inspection_id uuid NOT NULL REFERENCES inspections (id),
  requirement text NOT NULL,
  issued_on date NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'submitted', 'closed')),
  response text,
  responded_at timestamptz,
  closed_on date,
  overdue_recorded boolean NOT NULL DEFAULT false,
  history jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (deadline > issued_on),
  CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX rectification_orders_unit_idx ON rectification_orders (unit_code, status, deadline);
CREATE INDEX rectification_orders_center_idx ON rectification_orders (center_id);

CREATE TABLE center_incidents (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  occurred_at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('injury', 'illness', 'outbreak', 'foodSafety', 'fire', 'violence', 'missingChild', 'other')),
  severity text NOT NULL CHECK (severity IN ('general', 'serious', 'major')),
  description text NOT NULL,
  children_affected integer NOT NULL CHECK (children_affected >= 0),
  actions_taken text NOT NULL,
  status text NOT NULL CHECK (status IN ('reported', 'acknowledged', 'closed')),
  center_at_fault boolean,
  reported_by uuid REFERENCES users (id),
  reported_by_name text NOT NULL,
  handled_by_name text,
  handling_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'closed' OR center_at_fault IS NOT NULL)
);
CREATE INDEX center_incidents_unit_idx ON center_incidents (unit_code, status, occurred_at);

CREATE TABLE center_complaints (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  complainant_id uuid REFERENCES users (id),
  complainant_name text NOT NULL,
  category text NOT NULL CHECK (category IN ('safety', 'care', 'food', 'fees', 'staff', 'other')),
  content text NOT NULL,
  status text NOT NULL CHECK (status IN ('received', 'handling', 'upheld', 'dismissed')),
  reply text,
  handled_by_name text,
  handled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('upheld', 'dismissed') OR reply IS NOT NULL)
);
CREATE INDEX center_complaints_unit_idx ON center_complaints (unit_code, status, created_at);
CREATE INDEX center_complaints_complainant_idx ON center_complaints (complainant_id);

-- One row per event that moves a center's credit score; the rule's points are copied in so
-- the record stays as it was when a rule version changes.
CREATE TABLE credit_events (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  rule_code text NOT NULL,
  rules_version text NOT NULL,
  points integer NOT NULL,
  source_type text NOT NULL CHECK (source_type IN ('finding', 'rectification', 'incident', 'complaint')),
  source_id uuid NOT NULL,
  occurred_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_type, source_id, rule_code)
);
CREATE INDEX credit_events_unit_idx ON credit_events (unit_code, center_id, occurred_on);
