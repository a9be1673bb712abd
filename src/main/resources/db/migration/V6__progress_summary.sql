-- The clinician's summary for a patient's progress report: one text per patient, kept between
-- visits so that it can be revised before the next report.
CREATE TABLE progress_summary (
    patient_id  UUID                     NOT NULL PRIMARY KEY REFERENCES patient (id) ON DELETE CASCADE,
    updated     TIMESTAMP WITH TIME ZONE NOT NULL,
    summary     VARCHAR(20000)           NOT NULL
);
