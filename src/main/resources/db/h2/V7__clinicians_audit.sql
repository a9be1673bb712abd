-- Clinician accounts (their passwords live only in the key file, as wrapped copies of the database
-- key) and the audit trail of who looked at or changed which patient's record.

CREATE TABLE clinician (
    id              UUID                     NOT NULL PRIMARY KEY,
    username        VARCHAR(64)              NOT NULL,
    display_name    VARCHAR(400)             NOT NULL,
    administrator   BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at      TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX clinician_by_username ON clinician (username);

-- Append only: each row's hash is an HMAC (key derived from the database key) over the row and the
-- previous row's hash, so an edited, deleted or truncated trail is detected.
CREATE TABLE audit_event (
    seq             BIGINT                   NOT NULL PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    clinician_id    UUID,
    username        VARCHAR(64),
    action          VARCHAR(20)              NOT NULL,
    patient_id      UUID,
    detail          VARCHAR(400),
    hash            BINARY(32)               NOT NULL
);

CREATE INDEX audit_event_by_patient ON audit_event (patient_id, seq);
