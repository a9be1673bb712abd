-- Each line of the patient list shows her latest birth and her last visit. Looked up for every row
-- (two index seeks per row), they were most of the cost of a search page in a large clinic. They are
-- kept on the patient row instead: latest_birth is written with her births (PatientStore), last_visit
-- whenever one of her visits is added, changed or deleted (VisitStore), in the same transaction.
ALTER TABLE patient ADD COLUMN latest_birth DATE;
ALTER TABLE patient ADD COLUMN last_visit DATE;

UPDATE patient p SET
    latest_birth = (SELECT MAX(b.birth_date) FROM birth b WHERE b.patient_id = p.id),
    last_visit = (SELECT MAX(v.visit_date) FROM visit v WHERE v.patient_id = p.id);
