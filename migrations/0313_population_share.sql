-- The share of the real population that the population base stands for: 1 for official
-- figures; below 1 for a miniature of the city (the demo holds 6 % of every unit's people and
-- a base to match, docs/population-base.md). Rules with an absolute population threshold
-- (townships of 20,000 residents or more) compare against the threshold times this share.
CREATE TABLE org_population_share (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  share numeric NOT NULL CHECK (share > 0 AND share <= 1)
);
INSERT INTO org_population_share (share) VALUES (1);

UPDATE indicator_measures
SET leaf_sql = replace(leaf_sql, 'residents >= 20000', 'residents >= 20000 * (SELECT share FROM org_population_share)'),
    detail_sql = replace(detail_sql, 'residents >= 20000', 'residents >= 20000 * (SELECT share FROM org_population_share)'),
    source_tables = array_append(source_tables, 'org_population_share')
WHERE code IN ('health.largeTownships', 'health.largeTownshipsWithCenter');
