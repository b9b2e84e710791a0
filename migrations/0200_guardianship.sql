-- Guardianship: a parent user's link to their children in the people registry. A parent
-- sees only the children linked here (and inside their own admin scope). The row carries
-- the child's unit_code and follows the child when the person moves to another unit.

CREATE TABLE guardianships (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  user_id uuid NOT NULL REFERENCES users (id),
  relation text NOT NULL CHECK (relation IN ('mother', 'father', 'grandparent', 'guardian')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  ended_at timestamptz,
  ended_by uuid REFERENCES users (id)
);
CREATE INDEX guardianships_unit_idx ON guardianships (unit_code, person_id);
CREATE INDEX guardianships_user_idx ON guardianships (user_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX guardianships_active_uq ON guardianships (user_id, person_id) WHERE ended_at IS NULL;

CREATE FUNCTION guardianships_follow_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE guardianships SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_guardianships_unit AFTER UPDATE OF unit_code ON persons
  FOR EACH ROW WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code)
  EXECUTE FUNCTION guardianships_follow_person();
