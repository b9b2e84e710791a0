-- Grading of childcare centers (等级评定, 评级全闭环, SPEC §3.3): an application for a level
-- (市级示范 / 一级 / 二级 / 三级) with the eligibility check recorded at submission, the center's
-- self-assessment and the on-site assessment scored against a versioned standard (item scores
-- as jsonb keyed by the standard's item codes), the result and its publication; and the grades
-- a center holds over time, with their validity and how each ended (re-evaluation, downgrade).

CREATE TABLE grading_applications (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  level text NOT NULL CHECK (level IN ('cityModel', 'grade1', 'grade2', 'grade3')),
  standard_version text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'assessed', 'published', 'withdrawn')),
  self_scores jsonb NOT NULL DEFAULT '{}'::jsonb,
  self_total integer,
  eligibility jsonb,
  submitted_at timestamptz,
  onsite_scores jsonb,
  onsite_total integer,
  onsite_on date,
  assessors text,
  result_level text CHECK (result_level IN ('cityModel', 'grade1', 'grade2', 'grade3')),
  result_reasons jsonb,
  assessed_by uuid REFERENCES users (id),
  assessed_by_name text,
  assessed_at timestamptz,
  published_at timestamptz,
  published_by_name text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL),
  CHECK (status NOT IN ('assessed', 'published') OR assessed_at IS NOT NULL)
);
CREATE INDEX grading_applications_unit_idx ON grading_applications (unit_code, status);
CREATE UNIQUE INDEX grading_applications_open_idx ON grading_applications (center_id) WHERE status IN ('draft', 'submitted', 'assessed');

-- A grade held from valid_from to valid_to (inclusive), unless ended earlier: ended_on is the
-- first day it no longer holds.
CREATE TABLE center_grades (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  application_id uuid REFERENCES grading_applications (id),
  level text NOT NULL CHECK (level IN ('cityModel', 'grade1', 'grade2', 'grade3')),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  ended_on date,
  end_reason text CHECK (end_reason IN ('superseded', 'downgraded', 'revoked')),
  end_comment text,
  ended_by_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= valid_from)
);
CREATE INDEX center_grades_unit_idx ON center_grades (unit_code, center_id);
CREATE INDEX center_grades_center_idx ON center_grades (center_id, valid_from);
