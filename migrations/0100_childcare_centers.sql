-- Childcare centers (托育机构, SPEC §3.1–§3.2): the register of centers with their classes,
-- enrolments and staff; the filing workflow (备案, 机构办托"一件事") with one review per
-- department of the joint mechanism and a timeline of every step; evidence files kept in the
-- database with their SHA-256; staff certificates; and the warnings raised when a class breaks
-- the class-size or staff-to-child rules of 托育机构设置标准（试行）.
-- Every row carries the unit_code of the township (街道/乡镇) the center sits in, so one
-- prefix match scopes a center together with everything that belongs to it.

CREATE TABLE childcare_centers (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  operator_name text NOT NULL,
  operator_kind text NOT NULL CHECK (operator_kind IN ('public', 'nonProfit', 'forProfit', 'employer', 'kindergarten', 'community')),
  form text NOT NULL DEFAULT 'center' CHECK (form IN ('center', 'familyCarePoint', 'communityStation')),
  credit_code text CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  legal_representative text,
  contact_name text,
  contact_phone text,
  address text NOT NULL,
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  floor_area_m2 double precision CHECK (floor_area_m2 > 0),
  outdoor_area_m2 double precision CHECK (outdoor_area_m2 >= 0),
  investment_fen bigint CHECK (investment_fen >= 0),
  affordable boolean NOT NULL DEFAULT false,
  monthly_fee_fen integer CHECK (monthly_fee_fen >= 0),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'inReview', 'returned', 'filed', 'suspended', 'closed')),
  filing_number text,
  filed_at timestamptz,
  opened_on date,
  cloud_supervision boolean NOT NULL DEFAULT false,
  owner_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'filed' OR filed_at IS NOT NULL)
);
CREATE INDEX childcare_centers_unit_idx ON childcare_centers (unit_code, status);
CREATE INDEX childcare_centers_owner_idx ON childcare_centers (owner_user_id);
CREATE INDEX childcare_centers_credit_idx ON childcare_centers (credit_code);

CREATE TABLE childcare_classes (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  class_type text NOT NULL CHECK (class_type IN ('infant', 'toddler', 'older', 'mixed')),
  name text NOT NULL,
  capacity smallint NOT NULL CHECK (capacity > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX childcare_classes_unit_idx ON childcare_classes (unit_code, center_id);
CREATE INDEX childcare_classes_center_idx ON childcare_classes (center_id);

-- unit_code is the center's: an enrolment is the center's record; the child's own unit stays on persons.
CREATE TABLE childcare_enrolments (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  class_id uuid NOT NULL REFERENCES childcare_classes (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  care_type text NOT NULL CHECK (care_type IN ('fullDay', 'halfDay', 'hourly', 'temporary')),
  start_date date NOT NULL,
  end_date date,
  status text NOT NULL CHECK (status IN ('active', 'ended')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (status <> 'ended' OR end_date IS NOT NULL)
);
CREATE INDEX childcare_enrolments_unit_idx ON childcare_enrolments (unit_code, center_id, status);
CREATE INDEX childcare_enrolments_center_idx ON childcare_enrolments (center_id, class_id);
CREATE INDEX childcare_enrolments_person_idx ON childcare_enrolments (person_id);

CREATE TABLE childcare_staff (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  person_id uuid REFERENCES persons (id),
  name text NOT NULL,
  sex text CHECK (sex IN ('male', 'female')),
  phone text,
  role text NOT NULL CHECK (role IN ('director', 'caregiver', 'teacher', 'healthWorker', 'cook', 'security')),
  class_id uuid REFERENCES childcare_classes (id),
  hired_on date NOT NULL,
  left_on date,
  background_check text NOT NULL DEFAULT 'pending' CHECK (background_check IN ('pending', 'passed', 'failed')),
  background_checked_on date,
  training_hours integer NOT NULL DEFAULT 0 CHECK (training_hours >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (left_on IS NULL OR left_on >= hired_on),
  CHECK (background_check = 'pending' OR background_checked_on IS NOT NULL)
);
CREATE INDEX childcare_staff_unit_idx ON childcare_staff (unit_code, center_id);
CREATE INDEX childcare_staff_center_idx ON childcare_staff (center_id, role);

CREATE TABLE childcare_staff_certificates (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  staff_id uuid NOT NULL REFERENCES childcare_staff (id),
  cert_type text NOT NULL CHECK (cert_type IN ('caregiver', 'teacher', 'health', 'nurse', 'chef', 'firstAid', 'training', 'other')),
  number text NOT NULL,
  issuer text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX childcare_staff_certificates_unit_idx ON childcare_staff_certificates (unit_code, valid_to);
CREATE INDEX childcare_staff_certificates_staff_idx ON childcare_staff_certificates (staff_id);

-- One filing (备案) per submission: the first filing of a center, or a later change of its
-- capacity, address or operator, which goes through the same reviews.
CREATE TABLE childcare_filings (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  kind text NOT NULL CHECK (kind IN ('initial', 'change')),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'inReview', 'returned', 'filed')),
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  fire_procedure text NOT NULL DEFAULT 'standard' CHECK (fire_procedure IN ('standard', 'simplified')),
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id),
  decided_by_name text,
  return_reasons text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'returned' OR return_reasons IS NOT NULL)
);
CREATE INDEX childcare_filings_unit_idx ON childcare_filings (unit_code, status);
CREATE INDEX childcare_filings_center_idx ON childcare_filings (center_id, created_at);

-- 联合监管: one review per department of the joint mechanism, each signing its own part.
CREATE TABLE childcare_filing_reviews (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  filing_id uuid NOT NULL REFERENCES childcare_filings (id),
  department text NOT NULL CHECK (department IN ('development', 'education', 'publicSecurity', 'civilAffairs', 'humanResources', 'construction', 'culture', 'health', 'marketRegulation', 'fireRescue')),
  decision text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'returned')),
  comment text,
  reviewer_id uuid REFERENCES users (id),
  reviewer_name text,
  decided_at timestamptz,
  UNIQUE (filing_id, department),
  CHECK (decision = 'pending' OR decided_at IS NOT NULL),
  CHECK (decision <> 'returned' OR comment IS NOT NULL)
);
CREATE INDEX childcare_filing_reviews_unit_idx ON childcare_filing_reviews (unit_code, department, decision);

-- The timeline of a filing: who did what and when, shown to the operator and the reviewers.
CREATE TABLE childcare_filing_events (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  filing_id uuid NOT NULL REFERENCES childcare_filings (id),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  actor_name text NOT NULL,
  action text NOT NULL CHECK (action IN ('created', 'submitted', 'approved', 'returnedByDepartment', 'returned', 'filed', 'documentAdded', 'resubmitted')),
  department text,
  comment text
);
CREATE INDEX childcare_filing_events_unit_idx ON childcare_filing_events (unit_code, filing_id, at);

-- Evidence files are kept in the database (bytea) with their SHA-256, so both database modes
-- hold them the same way, backups carry them, and a read passes the same scope check as the row.
CREATE TABLE childcare_documents (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  filing_id uuid REFERENCES childcare_filings (id),
  staff_id uuid REFERENCES childcare_staff (id),
  kind text NOT NULL CHECK (kind IN ('registration', 'fireSafety', 'fireSimplified', 'healthEvaluation', 'staffCertificate', 'premises', 'other')),
  file_name text NOT NULL,
  mime_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  uploaded_by_name text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX childcare_documents_unit_idx ON childcare_documents (unit_code, center_id);
CREATE INDEX childcare_documents_filing_idx ON childcare_documents (filing_id);

-- Breaches of class size and staff-to-child ratio; open while resolved_at is null.
CREATE TABLE childcare_ratio_warnings (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  class_id uuid REFERENCES childcare_classes (id),
  kind text NOT NULL CHECK (kind IN ('classSize', 'staffRatio', 'capacity', 'healthWorker')),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  raised_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX childcare_ratio_warnings_unit_idx ON childcare_ratio_warnings (unit_code, center_id) WHERE resolved_at IS NULL;
CREATE INDEX childcare_ratio_warnings_center_idx ON childcare_ratio_warnings (center_id, raised_at);

-- The department a reviewer account signs for (the account's unit is its county).
CREATE TABLE childcare_department_reviewers (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  department text NOT NULL CHECK (department IN ('development', 'education', 'publicSecurity', 'civilAffairs', 'humanResources', 'construction', 'culture', 'health', 'marketRegulation', 'fireRescue'))
);
