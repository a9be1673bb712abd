-- Two workstations, one patient (server mode): each row that a clinician saves as a whole carries a
-- version, raised by every save; a save that read an older version than the one stored is refused
-- rather than overwriting the other workstation's change. changed_by and changed_at say whose save
-- that was and when ("changed on another workstation by NAME at HH:MM"). Rows from before start at 0.
ALTER TABLE patient ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE patient ADD COLUMN changed_by VARCHAR(400);
ALTER TABLE patient ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE visit ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE visit ADD COLUMN changed_by VARCHAR(400);
ALTER TABLE visit ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE programme ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE programme ADD COLUMN changed_by VARCHAR(400);
ALTER TABLE programme ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE progress_summary ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE progress_summary ADD COLUMN changed_by VARCHAR(400);
ALTER TABLE progress_summary ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
