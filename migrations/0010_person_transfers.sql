-- A person's move between units. Registering or importing an ID number that is already
-- registered outside the caller's scope is refused without saying where, and opens a transfer
-- request instead; the administrator of the lowest unit covering both the person's unit and
-- the requested one (unit_code) approves or rejects it, and both sides see the outcome.
CREATE TABLE person_transfers (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  -- The deciding unit: the lowest unit that covers from_unit_code and to_unit_code.
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  from_unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  to_unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  -- What the requester submitted: the name they know the person by, new phone and address.
  name text NOT NULL,
  phone text,
  address text,
  source text NOT NULL CHECK (source IN ('register', 'import')),
  import_run_id uuid REFERENCES import_runs (id),
  requested_by uuid REFERENCES users (id),
  requested_by_username text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by uuid REFERENCES users (id),
  decided_by_username text,
  decided_at timestamptz,
  note text,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (from_unit_code LIKE unit_code || '%' AND to_unit_code LIKE unit_code || '%')
);
-- One open request per person and destination: registering or importing again adds none.
CREATE UNIQUE INDEX person_transfers_pending_idx ON person_transfers (person_id, to_unit_code) WHERE status = 'pending';
CREATE INDEX person_transfers_unit_idx ON person_transfers (unit_code, status);
CREATE INDEX person_transfers_from_idx ON person_transfers (from_unit_code);
CREATE INDEX person_transfers_to_idx ON person_transfers (to_unit_code);
