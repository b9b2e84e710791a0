-- Child protection cases (五位一体 救助保护, SPEC §3.9, seed 000 §6): a mandatory report
-- (强制报告) opens a case that moves through emergency response, assessment and support,
-- guardianship intervention and monitoring to closure. A case names a registered child (a
-- person) or, when the reporter could not, the child as reported; it belongs to the unit
-- (township or village) where it is handled, which is its scope. Workers are assigned;
-- referrals to departments have their own status; every event is on the case's timeline.
-- Nothing is deleted: an assignee is removed with a time, a closed case can be reopened.

CREATE TABLE protection_cases (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  receipt_no text NOT NULL UNIQUE,
  person_id uuid REFERENCES persons (id),
  reported_child_name text,
  reported_child_description text,
  category text NOT NULL CHECK (category IN ('sexualHarm', 'violence', 'neglect', 'abandonment', 'noCarer', 'minorPregnancy', 'bullying', 'other')),
  risk_level text NOT NULL CHECK (risk_level IN ('normal', 'high')),
  situation text NOT NULL,
  location text,
  stage text NOT NULL CHECK (stage IN ('report', 'emergency', 'assessment', 'intervention', 'monitoring', 'closed')),
  stage_entered_at timestamptz NOT NULL,
  stage_due_at timestamptz,
  deadline_version text NOT NULL,
  closed_reason text CHECK (closed_reason IN ('unfounded', 'resolved')),
  closed_at timestamptz,
  reporter_kind text NOT NULL CHECK (reporter_kind IN ('staff', 'public')),
  reporter_user_id uuid REFERENCES users (id),
  reporter_name text,
  reporter_contact text,
  reported_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((stage = 'closed') = (closed_at IS NOT NULL AND closed_reason IS NOT NULL)),
  CHECK ((stage = 'closed') = (stage_due_at IS NULL))
);
CREATE INDEX protection_cases_unit_idx ON protection_cases (unit_code, stage);
CREATE INDEX protection_cases_due_idx ON protection_cases (stage_due_at) WHERE stage <> 'closed';
CREATE INDEX protection_cases_person_idx ON protection_cases (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE protection_case_assignees (
  case_id uuid NOT NULL REFERENCES protection_cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by_name text NOT NULL,
  removed_at timestamptz,
  removed_by_name text
);
CREATE UNIQUE INDEX protection_case_assignees_active_uq ON protection_case_assignees (case_id, user_id) WHERE removed_at IS NULL;
CREATE INDEX protection_case_assignees_user_idx ON protection_case_assignees (user_id) WHERE removed_at IS NULL;

CREATE TABLE protection_referrals (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES protection_cases (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  department text NOT NULL,
  request text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'done', 'rejected')),
  response text,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX protection_referrals_case_idx ON protection_referrals (case_id);

CREATE TABLE protection_case_events (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES protection_cases (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users (id),
  actor_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reported', 'transition', 'assigned', 'unassigned', 'referred', 'referralUpdated', 'childLinked', 'note')),
  stage text NOT NULL,
  action text,
  from_stage text,
  to_stage text,
  note text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX protection_case_events_case_idx ON protection_case_events (case_id, at);
