-- Home-care ledger (SPEC §3.11): the care card (爱心卡, integer fen) and the time bank
-- (时间银行, integer minutes) as one double-entry ledger. Every movement is a transaction
-- whose entries sum to zero, named by a unique idempotency key; entries are never updated
-- or deleted; a person's balance is kept on the account row by a trigger on the entries and
-- can never fall below what is held for pending orders, nor below zero (CHECK).

CREATE TABLE homecare_accounts (
  id uuid PRIMARY KEY,
  -- A person's account: the person's unit. A system account: its county.
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  currency text NOT NULL CHECK (currency IN ('card', 'time')),
  owner text NOT NULL CHECK (owner IN ('person', 'system')),
  person_id uuid REFERENCES persons (id),
  -- issue: government issue of the card; settlement: what providers are owed for card spending;
  -- expiry: expired card balances; service: hours earned by confirmed volunteer service;
  -- redeem: hours spent on services received.
  system_code text CHECK (system_code IN ('issue', 'settlement', 'expiry', 'service', 'redeem')),
  balance bigint NOT NULL DEFAULT 0,
  held bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((owner = 'person') = (person_id IS NOT NULL)),
  CHECK ((owner = 'system') = (system_code IS NOT NULL)),
  CHECK (held >= 0),
  -- The core guarantee: a person's balance never goes negative and always covers its holds.
  CHECK (owner = 'system' OR (balance >= 0 AND balance >= held))
);
CREATE UNIQUE INDEX homecare_accounts_person ON homecare_accounts (currency, person_id) WHERE owner = 'person';
CREATE UNIQUE INDEX homecare_accounts_system ON homecare_accounts (currency, system_code, unit_code) WHERE owner = 'system';
CREATE INDEX homecare_accounts_unit ON homecare_accounts (unit_code);

CREATE TABLE homecare_holds (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  account_id uuid NOT NULL REFERENCES homecare_accounts (id),
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('held', 'captured', 'released')),
  idempotency_key text NOT NULL UNIQUE,
  order_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  CHECK ((status = 'held') = (resolved_at IS NULL))
);
CREATE INDEX homecare_holds_account ON homecare_holds (account_id) WHERE status = 'held';

CREATE TABLE homecare_ledger_txns (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  currency text NOT NULL CHECK (currency IN ('card', 'time')),
  kind text NOT NULL CHECK (kind IN ('issue', 'spend', 'refund', 'expiry', 'earn', 'redeem', 'transfer')),
  idempotency_key text NOT NULL UNIQUE,
  -- A digest of the request: the same key with another payload is refused.
  request_hash text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  memo text,
  order_id uuid,
  hold_id uuid REFERENCES homecare_holds (id),
  -- For a refund: the spend it returns.
  reverses_txn_id uuid REFERENCES homecare_ledger_txns (id),
  created_by uuid REFERENCES users (id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((currency = 'card') = (kind IN ('issue', 'spend', 'refund', 'expiry')))
);
CREATE INDEX homecare_ledger_txns_order ON homecare_ledger_txns (order_id) WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX homecare_ledger_txns_hold ON homecare_ledger_txns (hold_id) WHERE hold_id IS NOT NULL;

CREATE TABLE homecare_ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txn_id uuid NOT NULL REFERENCES homecare_ledger_txns (id),
  account_id uuid NOT NULL REFERENCES homecare_accounts (id),
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  amount bigint NOT NULL CHECK (amount <> 0)
);
CREATE INDEX homecare_ledger_entries_account ON homecare_ledger_entries (account_id, id);
CREATE INDEX homecare_ledger_entries_txn ON homecare_ledger_entries (txn_id);

-- The balance on the account row follows its entries in the same statement; the CHECK on
-- the account refuses an entry that would take a person below zero or below its holds.
CREATE FUNCTION homecare_entry_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE homecare_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id;
  RETURN NEW;
END $$;
CREATE TRIGGER homecare_entry_posts AFTER INSERT ON homecare_ledger_entries FOR EACH ROW EXECUTE FUNCTION homecare_entry_posts();

-- Every transaction balances to zero, checked when the database transaction commits.
CREATE FUNCTION homecare_txn_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE total bigint; n integer;
BEGIN
  SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM homecare_ledger_entries WHERE txn_id = NEW.txn_id;
  IF total <> 0 OR n < 2 THEN
    RAISE EXCEPTION 'homecare ledger transaction % does not balance (sum %, % entries)', NEW.txn_id, total, n USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER homecare_txn_balances AFTER INSERT ON homecare_ledger_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION homecare_txn_balances();

-- Entries and transactions are append-only: a mistake is corrected by a reversing entry.
CREATE FUNCTION homecare_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'homecare ledger rows are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER homecare_entries_append_only BEFORE UPDATE OR DELETE ON homecare_ledger_entries FOR EACH ROW EXECUTE FUNCTION homecare_append_only();
CREATE TRIGGER homecare_txns_append_only BEFORE UPDATE OR DELETE ON homecare_ledger_txns FOR EACH ROW EXECUTE FUNCTION homecare_append_only();
