-- Home-care services (SPEC §3.11): 六助 providers and their priced service items, service
-- orders with every change of state, the time bank's volunteer services and family links,
-- accounts of elderly people and volunteers linked to their person records, and visits to
-- special-difficulty elderly (探访关爱).

CREATE TABLE homecare_providers (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text NOT NULL,
  categories text[] NOT NULL,
  phone text,
  address text,
  -- The provider's own sign-in (养老服务商), who accepts and records its orders.
  user_id uuid REFERENCES users (id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_code, name)
);

CREATE TABLE homecare_service_items (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES homecare_providers (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  category text NOT NULL CHECK (category IN ('meal', 'bath', 'emergency', 'medical', 'mobility', 'cleaning', 'respite', 'careBed')),
  name text NOT NULL,
  charge_unit text NOT NULL CHECK (charge_unit IN ('service', 'hour', 'day', 'month')),
  price_fen bigint NOT NULL CHECK (price_fen > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider_id, name)
);

CREATE TABLE homecare_orders (
  id uuid PRIMARY KEY,
  -- The elderly person's unit.
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  provider_id uuid NOT NULL REFERENCES homecare_providers (id),
  item_id uuid NOT NULL REFERENCES homecare_service_items (id),
  category text NOT NULL,
  item_name text NOT NULL,
  price_fen bigint NOT NULL CHECK (price_fen > 0),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 366),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payment text NOT NULL CHECK (payment IN ('card', 'self')),
  status text NOT NULL CHECK (status IN ('requested', 'accepted', 'visited', 'confirmed', 'rated', 'cancelled')),
  scheduled_on date NOT NULL,
  note text,
  hold_id uuid REFERENCES homecare_holds (id),
  spend_txn_id uuid REFERENCES homecare_ledger_txns (id),
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  cancel_reason text,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX homecare_orders_unit ON homecare_orders (unit_code, requested_at DESC);
CREATE INDEX homecare_orders_person ON homecare_orders (person_id);
CREATE INDEX homecare_orders_provider ON homecare_orders (provider_id, status);

CREATE TABLE homecare_order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES homecare_orders (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  from_status text,
  to_status text NOT NULL,
  by_name text NOT NULL,
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX homecare_order_events_order ON homecare_order_events (order_id, id);

-- A signed-in elderly person or volunteer and their person record (their own view).
CREATE TABLE homecare_user_persons (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  person_id uuid NOT NULL REFERENCES persons (id)
);

-- Family links a time-bank transfer may follow, recorded by staff.
CREATE TABLE homecare_relatives (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  relative_id uuid NOT NULL REFERENCES persons (id),
  relation text NOT NULL CHECK (relation IN ('spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling')),
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, relative_id),
  CHECK (person_id <> relative_id)
);

-- A volunteer's service: recorded, then confirmed (the hours are earned) or rejected.
CREATE TABLE homecare_volunteer_services (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  volunteer_id uuid NOT NULL REFERENCES persons (id),
  recipient_id uuid REFERENCES persons (id),
  service_type text NOT NULL,
  served_on date NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 720),
  description text,
  status text NOT NULL CHECK (status IN ('recorded', 'confirmed', 'rejected')),
  earned_minutes integer,
  txn_id uuid REFERENCES homecare_ledger_txns (id),
  recorded_by_name text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  decided_by_name text,
  decided_at timestamptz
);
CREATE INDEX homecare_volunteer_services_unit ON homecare_volunteer_services (unit_code, served_on DESC);
CREATE INDEX homecare_volunteer_services_volunteer ON homecare_volunteer_services (volunteer_id);

-- Special-difficulty elderly to visit (探访关爱) with their tier, and the visits made.
CREATE TABLE homecare_visit_targets (
  person_id uuid PRIMARY KEY REFERENCES persons (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  category text NOT NULL CHECK (category IN ('alone', 'emptyNest', 'leftBehind', 'disabled', 'lowIncome', 'veryOld')),
  tier text NOT NULL CHECK (tier IN ('high', 'key', 'general')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX homecare_visit_targets_unit ON homecare_visit_targets (unit_code);

CREATE TABLE homecare_visits (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  visited_on date NOT NULL,
  mode text NOT NULL CHECK (mode IN ('home', 'phone')),
  visitor_name text NOT NULL,
  findings text,
  recorded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX homecare_visits_person ON homecare_visits (person_id, visited_on DESC);
CREATE INDEX homecare_visits_unit ON homecare_visits (unit_code, visited_on DESC);

-- A person's accounts and visit tier follow the person to a new unit (a transfer between units).
CREATE FUNCTION homecare_follow_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE homecare_accounts SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  UPDATE homecare_visit_targets SET unit_code = NEW.unit_code WHERE person_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_homecare_unit AFTER UPDATE OF unit_code ON persons
  FOR EACH ROW WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code)
  EXECUTE FUNCTION homecare_follow_person();
