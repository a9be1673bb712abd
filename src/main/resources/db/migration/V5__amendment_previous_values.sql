-- What each amended field held before the change (the first change of a sitting), one
-- "path<TAB>value" line per field; a cleared red flag or a corrected measure stays on record.
ALTER TABLE visit_amendment ADD COLUMN previous_values VARCHAR(100000);
