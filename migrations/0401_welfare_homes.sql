-- Children's homes (儿童之家, SPEC §3.9): basic and demonstration homes of the villages and
-- schools, the "1+N" link of one demonstration home to N basic homes, and their activities.

CREATE TABLE welfare_homes (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('basic', 'demonstration')),
  -- A basic home's demonstration home ("1+N").
  hub_id uuid REFERENCES welfare_homes (id),
  address text,
  opened_on date NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_code, name),
  CHECK (kind = 'basic' OR hub_id IS NULL),
  CHECK (hub_id IS NULL OR hub_id <> id)
);
CREATE INDEX welfare_homes_unit_idx ON welfare_homes (unit_code, kind);
CREATE INDEX welfare_homes_hub_idx ON welfare_homes (hub_id);

CREATE TABLE welfare_home_activities (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  home_id uuid NOT NULL REFERENCES welfare_homes (id),
  held_on date NOT NULL,
  title text NOT NULL,
  participants integer NOT NULL CHECK (participants >= 0),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The same activity sent twice is one activity.
  UNIQUE (home_id, held_on, title)
);
CREATE INDEX welfare_home_activities_unit_idx ON welfare_home_activities (unit_code, held_on);
