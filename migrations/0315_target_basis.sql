-- How a stored value's target came about: set for the year, held from an earlier year's
-- target, or on the path towards a later one; and the year of that target.
ALTER TABLE indicator_values ADD COLUMN target_basis text CHECK (target_basis IN ('set', 'held', 'path'));
ALTER TABLE indicator_values ADD COLUMN target_year smallint;
ALTER TABLE indicator_values_staging ADD COLUMN target_basis text;
ALTER TABLE indicator_values_staging ADD COLUMN target_year smallint;
