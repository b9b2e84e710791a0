-- Who scheduled an inspection (by hand, or by drawing its plan). Only the inspection's own
-- inspectors record its result; the one who scheduled it may record it on their behalf, with
-- a reason, and that is audited separately.
ALTER TABLE inspections ADD COLUMN scheduled_by uuid REFERENCES users (id);
