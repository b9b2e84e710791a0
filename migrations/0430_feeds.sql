-- Cross-department feeds (SPEC §3.14) and children's medical-insurance enrolment (SPEC §3.10).
-- Facts about a person stated by a department, each with where it came from; a newer fact of
-- the same kind, key and department supersedes the current one, and the old one is kept.
-- unit_code is the person's unit when the fact was recorded (kept in step when the person moves).

CREATE TABLE feed_officers (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  department text NOT NULL
);

CREATE TABLE feed_api_keys (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  department text NOT NULL,
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash bytea NOT NULL UNIQUE,
  created_by uuid REFERENCES users (id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by_name text
);
CREATE INDEX feed_api_keys_unit_idx ON feed_api_keys (unit_code, department);

-- One feed run: an upload or an API push, on top of the import run that holds its counts and row errors.
CREATE TABLE feed_runs (
  run_id uuid PRIMARY KEY REFERENCES import_runs (id),
  department text NOT NULL,
  feed_type text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('upload', 'api')),
  api_key_id uuid REFERENCES feed_api_keys (id)
);

CREATE TABLE person_facts (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  kind text NOT NULL,
  fact_key text NOT NULL DEFAULT '',
  value jsonb NOT NULL,
  valid_from date,
  valid_to date,
  department text NOT NULL,
  run_id uuid REFERENCES import_runs (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  superseded_at timestamptz,
  superseded_by uuid REFERENCES person_facts (id),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
-- At most one current fact per person, kind, key and department.
CREATE UNIQUE INDEX person_facts_current_idx ON person_facts (person_id, kind, fact_key, department) WHERE superseded_at IS NULL;
CREATE INDEX person_facts_unit_idx ON person_facts (unit_code, kind) WHERE superseded_at IS NULL;
CREATE INDEX person_facts_person_idx ON person_facts (person_id, recorded_at);

CREATE TABLE feed_alerts (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  kind text NOT NULL CHECK (kind IN ('guardianDeath', 'leftSchool', 'newDisability', 'insuranceLapse')),
  dedupe_key text NOT NULL UNIQUE,
  fact_id uuid REFERENCES person_facts (id),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'inProgress', 'handled')),
  raised_at timestamptz NOT NULL DEFAULT now(),
  handled_at timestamptz,
  handled_by_name text,
  note text,
  CHECK (status <> 'handled' OR handled_at IS NOT NULL)
);
CREATE INDEX feed_alerts_unit_idx ON feed_alerts (unit_code, status, raised_at);

-- Follow-up of a child not enrolled in medical insurance for a year (应保尽保).
CREATE TABLE insurance_followups (
  person_id uuid NOT NULL REFERENCES persons (id),
  year smallint NOT NULL,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  status text NOT NULL CHECK (status IN ('pending', 'contacted', 'enrolledElsewhere', 'declined', 'enrolled')),
  note text,
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, year)
);
CREATE INDEX insurance_followups_unit_idx ON insurance_followups (unit_code, year);

-- A person's facts, alerts and follow-ups follow the person when they move.
CREATE FUNCTION feeds_follow_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.unit_code IS DISTINCT FROM OLD.unit_code THEN
    UPDATE person_facts SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
    UPDATE feed_alerts SET unit_code = left(NEW.unit_code, 9) WHERE person_id = NEW.id AND status <> 'handled';
    UPDATE insurance_followups SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER persons_feeds_follow AFTER UPDATE OF unit_code ON persons FOR EACH ROW EXECUTE FUNCTION feeds_follow_person();
