-- A filed center's operation as the county health department decides it: suspended (暂停,
-- e.g. after a serious finding or incident, pending rectification), resumed, or closed
-- (注销备案: the operator stops or the filing is revoked). Every decision is kept with its
-- reason; a suspended or closed center counts no places and draws no subsidy.
CREATE TABLE childcare_center_status_events (
  id uuid PRIMARY KEY,
  unit_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
  center_id uuid NOT NULL REFERENCES childcare_centers (id),
  action text NOT NULL CHECK (action IN ('suspend', 'resume', 'close')),
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text NOT NULL CHECK (length(reason) > 0),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  actor_name text NOT NULL
);
CREATE INDEX childcare_center_status_events_unit_idx ON childcare_center_status_events (unit_code, center_id, at);
