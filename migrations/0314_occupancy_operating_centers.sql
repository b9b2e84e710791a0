-- The use of childcare places counts the children of the centers whose places it counts: a
-- suspended center's children are not in the places of the filed ones.
UPDATE indicator_measures
SET leaf_sql = 'SELECT e.unit_code, y.year, count(*) AS amount FROM childcare_enrolments e JOIN childcare_centers c ON c.id = e.center_id AND c.status = ''filed'' JOIN indicator_years y ON e.start_date <= make_date(y.year, 12, 31) AND (e.end_date IS NULL OR e.end_date > make_date(y.year, 12, 31)) GROUP BY 1, 2',
    source_tables = '{childcare_enrolments,childcare_centers}'
WHERE code = 'childcare.enrolled';
