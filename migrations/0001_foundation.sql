-- Foundation: the admin tree and its population base, users and sessions, the audit
-- chain, the people registry and import runs. Every scoped table carries unit_code, the
-- statistical division code of the unit it belongs to; scope checks are prefix matches on
-- it (LIKE '330602%'). Division codes use the "C" collation, so one plain b-tree index
-- serves both ordering and those prefix matches.

CREATE TABLE org_units (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{4}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?$'),
  name text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent_code text COLLATE "C" REFERENCES org_units (code),
  kind text NOT NULL,
  urban boolean NOT NULL DEFAULT false,
  future_community boolean NOT NULL DEFAULT false,
  residential_area text CHECK (residential_area IN ('new', 'existing')),
  division_year smallint NOT NULL,
  CHECK ((level = 1) = (parent_code IS NULL))
);
CREATE INDEX org_units_parent_idx ON org_units (parent_code, code);

CREATE TABLE org_unit_population (
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  year smallint NOT NULL,
  residents integer NOT NULL CHECK (residents >= 0),
  children_0_2 integer NOT NULL CHECK (children_0_2 >= 0),
  children_0_17 integer NOT NULL CHECK (children_0_17 >= children_0_2),
  elderly_60 integer NOT NULL CHECK (elderly_60 >= 0),
  elderly_65 integer NOT NULL CHECK (elderly_65 BETWEEN 0 AND elderly_60),
  CHECK (children_0_17 + elderly_60 <= residents),
  PRIMARY KEY (unit_code, year)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en-US')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  deactivated_at timestamptz,
  deactivated_by uuid REFERENCES users (id)
);
CREATE INDEX users_unit_idx ON users (unit_code);

CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Append-only audit chain: each row carries the hash of the previous one. Rows are numbered
-- without gaps under an advisory lock, so a deleted row shows as a gap as well as a broken link.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  unit_code text COLLATE "C",
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_unit_idx ON audit_log (unit_code, seq);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- People: the citizen ID number only as AES-256-GCM ciphertext, an HMAC for exact lookup,
-- and its masked form for display. Keys are time-ordered UUIDs (v7) given by the platform,
-- so bulk loads append to the primary-key index.
CREATE TABLE persons (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  name text COLLATE "C" NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date date NOT NULL,
  id_cipher bytea NOT NULL,
  id_hash bytea NOT NULL UNIQUE,
  id_masked text NOT NULL,
  phone text,
  address text,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_unit_birth_idx ON persons (unit_code, birth_date);
CREATE INDEX persons_name_idx ON persons (name);

CREATE TABLE import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  actor_id uuid REFERENCES users (id),
  actor_username text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_failed integer NOT NULL DEFAULT 0,
  rows_inserted integer NOT NULL DEFAULT 0,
  rows_updated integer NOT NULL DEFAULT 0,
  rows_unchanged integer NOT NULL DEFAULT 0,
  error text,
  started_at timestamptz NOT NULL DEFAULT now(),
  -- Bumped with every batch; a running import whose heartbeat stopped was cut off.
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX import_runs_unit_idx ON import_runs (unit_code, started_at);

-- Row-level errors of an import: the line, the field and the error code. The raw value is
-- not kept (it may be an ID number); the uploader has the file.
CREATE TABLE import_row_errors (
  run_id uuid NOT NULL REFERENCES import_runs (id),
  line integer NOT NULL,
  field text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (run_id, line, field)
);

-- Rows of an import that change an existing person (or that met a concurrent insert) wait
-- here, then move into persons with one INSERT … ON CONFLICT per batch; unlogged because a
-- crashed run is simply run again.
CREATE UNLOGGED TABLE person_import_staging (
  run_id uuid NOT NULL,
  line integer NOT NULL,
  id uuid NOT NULL,
  unit_code text COLLATE "C" NOT NULL,
  name text NOT NULL,
  sex text NOT NULL,
  birth_date date NOT NULL,
  id_cipher bytea NOT NULL,
  id_hash bytea NOT NULL,
  id_masked text NOT NULL,
  phone text,
  address text
);
CREATE INDEX person_import_staging_run_idx ON person_import_staging (run_id);

CREATE TABLE kangyu_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
