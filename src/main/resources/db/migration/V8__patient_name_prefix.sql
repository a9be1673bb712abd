-- Search as you type lists the first page of patients in name order. Ranging over
-- patient_name_word (word LIKE 'a%') finds every match first and sorts them all, so a one-letter
-- search cost grew with the clinic. This table holds each start (1 to 16 characters) of each name
-- word with the patient's sort key: a search walks the index for one start in name order and stops
-- after a page, whatever the number of matches. Longer terms walk their first 16 characters and
-- also check patient_name_word. Kept by PatientStore with patient_name_word and patient.sort_key.
CREATE TABLE patient_name_prefix (
    prefix      VARCHAR(16)   NOT NULL,
    sort_key    VARCHAR(2000) NOT NULL,
    patient_id  UUID          NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    PRIMARY KEY (prefix, sort_key, patient_id)
);

CREATE INDEX patient_name_prefix_by_patient ON patient_name_prefix (patient_id);

-- Every patient in name order, archived ones too (the archived-only order is patient_by_archived_sort).
CREATE INDEX patient_by_sort ON patient (sort_key, id);

INSERT INTO patient_name_prefix (prefix, sort_key, patient_id)
SELECT DISTINCT SUBSTRING(w.word FROM 1 FOR n.len), p.sort_key, w.patient_id
FROM patient_name_word w
JOIN patient p ON p.id = w.patient_id
JOIN (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16)) AS n (len)
    ON n.len <= CHAR_LENGTH(w.word);
