-- Child-health doctors' guidance tours to childcare centers (SPEC §3.6; 004 §9): each visit
-- with the topics covered, what was found and the advice left, and the follow-up date.
-- unit_code is the center's (its township), so the tour belongs with the center's records.
CREATE TABLE health_guidance_tours (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  doctor_id uuid REFERENCES users (id),
  doctor_name text NOT NULL,
  toured_on date NOT NULL,
  topics text[] NOT NULL CHECK (cardinality(topics) >= 1),
  findings text NOT NULL,
  advice text NOT NULL,
  follow_up_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (follow_up_on IS NULL OR follow_up_on >= toured_on)
);
CREATE INDEX health_guidance_tours_unit_idx ON health_guidance_tours (unit_code, center_id, toured_on);
