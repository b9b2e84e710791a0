-- Admission (入托"一件事", SPEC §3.5): rounds run by a county, the places each center offers
-- per class type in a round with its priority rules, the parents' applications with their
-- ranked choices, and the outcome of the allocation with its explanation per choice.

-- A round belongs to a county (unit_code of level 2); parents of that county apply in it.
CREATE TABLE admission_rounds (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'open', 'allocated', 'closed')),
  apply_from date NOT NULL,
  apply_to date NOT NULL,
  earliest_start date NOT NULL,
  answer_days smallint NOT NULL DEFAULT 7 CHECK (answer_days BETWEEN 1 AND 60),
  seed integer NOT NULL,
  allocated_at timestamptz,
  allocated_by uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (apply_to >= apply_from)
);
CREATE INDEX admission_rounds_unit_idx ON admission_rounds (unit_code, status);

-- A program: one center's places of one class type in a round, with the center's rules.
-- unit_code is the center's.
CREATE TABLE admission_programs (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  round_id uuid NOT NULL REFERENCES admission_rounds (id),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  class_id uuid NOT NULL REFERENCES childcare_classes (id),
  class_type text NOT NULL CHECK (class_type IN ('infant', 'toddler', 'older', 'mixed')),
  places smallint NOT NULL CHECK (places >= 0),
  rules jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, center_id, class_type)
);
CREATE INDEX admission_programs_unit_idx ON admission_programs (unit_code, round_id);
CREATE INDEX admission_programs_round_idx ON admission_programs (round_id);

-- unit_code is the child's. One open application per child and round.
CREATE TABLE admission_applications (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  round_id uuid NOT NULL REFERENCES admission_rounds (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  applicant_id uuid REFERENCES users (id),
  applicant_name text NOT NULL,
  class_type text NOT NULL CHECK (class_type IN ('infant', 'toddler', 'older', 'mixed')),
  care_type text NOT NULL CHECK (care_type IN ('fullDay', 'halfDay', 'hourly', 'temporary')),
  start_date date NOT NULL,
  employer text,
  affordable_eligible boolean NOT NULL DEFAULT false,
  -- Where the family lives, for a distance rule (WGS-84).
  home_lon double precision CHECK (home_lon BETWEEN -180 AND 180),
  home_lat double precision CHECK (home_lat BETWEEN -90 AND 90),
  lottery bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'offered', 'waitlisted', 'accepted', 'declined', 'expired', 'withdrawn', 'ended')),
  program_id uuid REFERENCES admission_programs (id),
  choice_rank smallint,
  offered_on date,
  offer_deadline date,
  responded_at timestamptz,
  enrolment_id uuid REFERENCES childcare_enrolments (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'offered' OR (program_id IS NOT NULL AND offer_deadline IS NOT NULL)),
  CHECK (status NOT IN ('accepted', 'ended') OR enrolment_id IS NOT NULL)
);
CREATE INDEX admission_applications_unit_idx ON admission_applications (unit_code, round_id, status);
CREATE INDEX admission_applications_round_idx ON admission_applications (round_id, status);
CREATE INDEX admission_applications_person_idx ON admission_applications (person_id);
CREATE UNIQUE INDEX admission_applications_open_uq ON admission_applications (round_id, person_id)
  WHERE status IN ('submitted', 'offered', 'waitlisted', 'accepted');

-- A ranked choice and, after the allocation, why it was or was not offered.
CREATE TABLE admission_choices (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  application_id uuid NOT NULL REFERENCES admission_applications (id),
  choice_rank smallint NOT NULL CHECK (choice_rank BETWEEN 1 AND 5),
  program_id uuid NOT NULL REFERENCES admission_programs (id),
  distance_m integer CHECK (distance_m >= 0),
  sibling boolean NOT NULL DEFAULT false,
  result text CHECK (result IN ('offered', 'notOffered', 'notNeeded')),
  priority_rank integer,
  applicants integer,
  capacity integer,
  waitlist_position integer,
  deciding_rule text,
  own_value double precision,
  other_value double precision,
  UNIQUE (application_id, choice_rank),
  UNIQUE (application_id, program_id)
);
CREATE INDEX admission_choices_unit_idx ON admission_choices (unit_code, application_id);
CREATE INDEX admission_choices_program_idx ON admission_choices (program_id, waitlist_position);
