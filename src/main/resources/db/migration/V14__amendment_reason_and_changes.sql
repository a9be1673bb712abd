-- A completed visit is amended only after the clinician gives a short reason, kept with the
-- amendment; and each change is kept in her words as the form showed it, one
-- "path<TAB>label<TAB>before<TAB>after" line per field ("Urinary incontinence", "No", "Yes").
ALTER TABLE visit_amendment ADD COLUMN reason VARCHAR(1000);
ALTER TABLE visit_amendment ADD COLUMN field_changes VARCHAR(100000);
