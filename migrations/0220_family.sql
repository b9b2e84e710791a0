-- Home–center interaction (家园互动"一件事", SPEC §3.7). Every row carries the unit_code of
-- the center (its township), like the center's own records.

CREATE TABLE family_attendance (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  enrolment_id uuid NOT NULL REFERENCES childcare_enrolments (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  day date NOT NULL,
  check_in_at timestamptz,
  check_in_by uuid REFERENCES users (id),
  check_in_by_name text,
  dropped_off_by text,
  check_out_at timestamptz,
  check_out_by uuid REFERENCES users (id),
  check_out_by_name text,
  picked_up_by text,
  picked_up_relation text CHECK (picked_up_relation IN ('mother', 'father', 'grandparent', 'guardian', 'other')),
  absence text CHECK (absence IN ('sick', 'leave', 'other')),
  note text,
  UNIQUE (enrolment_id, day),
  CHECK (check_out_at IS NULL OR (check_in_at IS NOT NULL AND check_out_at >= check_in_at AND picked_up_by IS NOT NULL)),
  CHECK (absence IS NULL OR check_in_at IS NULL)
);
CREATE INDEX family_attendance_unit_idx ON family_attendance (unit_code, center_id, day);
CREATE INDEX family_attendance_person_idx ON family_attendance (person_id, day);

CREATE TABLE family_daily_reports (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  enrolment_id uuid NOT NULL REFERENCES childcare_enrolments (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  day date NOT NULL,
  meals jsonb NOT NULL DEFAULT '[]'::jsonb,
  nap_from text CHECK (nap_from ~ '^\d{2}:\d{2}$'),
  nap_to text CHECK (nap_to ~ '^\d{2}:\d{2}$'),
  mood text NOT NULL CHECK (mood IN ('happy', 'calm', 'tired', 'upset', 'unwell')),
  activities text NOT NULL,
  notes text,
  written_by uuid REFERENCES users (id),
  written_by_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enrolment_id, day)
);
CREATE INDEX family_daily_reports_unit_idx ON family_daily_reports (unit_code, center_id, day);
CREATE INDEX family_daily_reports_person_idx ON family_daily_reports (person_id, day);

-- Photos of a day's report, kept in the database like the centers' evidence files.
CREATE TABLE family_report_photos (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  report_id uuid NOT NULL REFERENCES family_daily_reports (id),
  mime_type text NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  content bytea NOT NULL,
  caption text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_report_photos_unit_idx ON family_report_photos (unit_code, report_id);

-- A conversation per child between the child's guardians and the center's staff.
CREATE TABLE family_messages (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  sender_id uuid REFERENCES users (id),
  sender_side text NOT NULL CHECK (sender_side IN ('parent', 'staff')),
  sender_name text NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX family_messages_unit_idx ON family_messages (unit_code, center_id, created_at);
CREATE INDEX family_messages_person_idx ON family_messages (person_id, created_at);

CREATE TABLE family_notices (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  title text NOT NULL,
  body text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  author_id uuid REFERENCES users (id),
  author_name text NOT NULL
);
CREATE INDEX family_notices_unit_idx ON family_notices (unit_code, center_id, published_at);

-- A week's menu: dishes by weekday and meal with their foods in grams (nutrition computed
-- from the food-composition table on read).
CREATE TABLE family_meal_plans (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
  dishes jsonb NOT NULL,
  updated_by uuid REFERENCES users (id),
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (center_id, week_start)
);
CREATE INDEX family_meal_plans_unit_idx ON family_meal_plans (unit_code, center_id, week_start);

-- Parenting-guidance activities (育儿指导, "一键约") a center offers, and parents' bookings.
CREATE TABLE family_activities (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  title text NOT NULL,
  description text,
  starts_at timestamptz NOT NULL,
  places smallint NOT NULL CHECK (places > 0),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_activities_unit_idx ON family_activities (unit_code, center_id, starts_at);

CREATE TABLE family_activity_bookings (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  activity_id uuid NOT NULL REFERENCES family_activities (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  user_id uuid NOT NULL REFERENCES users (id),
  booked_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz
);
CREATE INDEX family_activity_bookings_unit_idx ON family_activity_bookings (unit_code, activity_id);
CREATE UNIQUE INDEX family_activity_bookings_uq ON family_activity_bookings (activity_id, person_id) WHERE cancelled_at IS NULL;

-- Home visits by the center's staff ("一键达").
CREATE TABLE family_home_visits (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  visited_on date NOT NULL,
  visitor_name text NOT NULL,
  summary text NOT NULL,
  follow_up text,
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_home_visits_unit_idx ON family_home_visits (unit_code, center_id, visited_on);
