-- Online training and exams for childcare staff (一网办, SPEC §3.2): courses with a question
-- bank and exam settings, timed exam attempts scored automatically, and the certificate
-- issued on passing with a verification code anyone can check.
-- A course belongs to the unit that publishes it (the city or a county); attempts and
-- certificates carry the unit of the staff member's center.

CREATE TABLE training_courses (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  title text NOT NULL,
  description text,
  hours smallint NOT NULL CHECK (hours > 0),
  question_count smallint NOT NULL CHECK (question_count > 0),
  minutes smallint NOT NULL CHECK (minutes > 0),
  pass_mark smallint NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
  certificate_years smallint NOT NULL DEFAULT 3 CHECK (certificate_years > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_courses_unit_idx ON training_courses (unit_code);

CREATE TABLE training_questions (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  ordinal smallint NOT NULL,
  prompt text NOT NULL,
  options text[] NOT NULL CHECK (cardinality(options) BETWEEN 2 AND 6),
  answer smallint NOT NULL CHECK (answer >= 0 AND answer < cardinality(options)),
  UNIQUE (course_id, ordinal)
);
CREATE INDEX training_questions_unit_idx ON training_questions (unit_code, course_id);

CREATE TABLE training_attempts (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  staff_id uuid NOT NULL REFERENCES childcare_staff (id),
  question_ids uuid[] NOT NULL,
  started_at timestamptz NOT NULL,
  deadline_at timestamptz NOT NULL,
  submitted_at timestamptz,
  answers smallint[],
  correct smallint,
  score smallint,
  passed boolean,
  late boolean,
  CHECK (deadline_at > started_at)
);
CREATE INDEX training_attempts_unit_idx ON training_attempts (unit_code, staff_id);

CREATE TABLE training_certificates (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJ-NP-Z]{12}$'),
  attempt_id uuid NOT NULL UNIQUE REFERENCES training_attempts (id),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  staff_id uuid NOT NULL REFERENCES childcare_staff (id),
  holder_name text NOT NULL,
  course_title text NOT NULL,
  center_name text NOT NULL,
  score smallint NOT NULL,
  issued_on date NOT NULL,
  valid_to date NOT NULL
);
CREATE INDEX training_certificates_unit_idx ON training_certificates (unit_code, issued_on);
