-- Patients, their births, the core of each visit, and clinic settings.
-- Portable SQL only (H2 today, PostgreSQL for a shared clinic database later).
-- Text limits are in characters (code points) in domain; columns allow two UTF-16 units for each.

CREATE TABLE patient (
    id                      UUID                     NOT NULL PRIMARY KEY,
    updated                 TIMESTAMP WITH TIME ZONE NOT NULL,
    given_name              VARCHAR(200)             NOT NULL,
    family_name             VARCHAR(200)             NOT NULL,
    -- folded "family given" (lower case, accents and special letters folded) for a stable, script-neutral order
    sort_key                VARCHAR(2000)             NOT NULL,
    date_of_birth           DATE,
    phone                   VARCHAR(40),
    email                   VARCHAR(254),
    archived                BOOLEAN DEFAULT FALSE    NOT NULL,
    previous_weekly_run_km  DECIMAL(5, 2),
    goal                    VARCHAR(1000),
    notes                   VARCHAR(40000),
    extensions              VARCHAR(1000000)
);

CREATE INDEX patient_by_archived_sort ON patient (archived, sort_key, id);

-- One row per folded word of the given and family names: search matches the start of any word
-- through an index range scan, so it does not grow with the size of the clinic.
CREATE TABLE patient_name_word (
    word        VARCHAR(1000) NOT NULL,
    patient_id  UUID         NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    PRIMARY KEY (word, patient_id)
);

CREATE INDEX patient_name_word_by_patient ON patient_name_word (patient_id);

CREATE TABLE birth (
    patient_id      UUID        NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    birth_date      DATE        NOT NULL,
    mode            VARCHAR(30),
    perineal_trauma VARCHAR(20),
    PRIMARY KEY (patient_id, position)
);

CREATE INDEX birth_by_patient_date ON birth (patient_id, birth_date);

-- The identity of each visit; its assessment sections are added by later migrations.
CREATE TABLE visit (
    id          UUID                     NOT NULL PRIMARY KEY,
    patient_id  UUID                     NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    updated     TIMESTAMP WITH TIME ZONE NOT NULL,
    visit_date  DATE                     NOT NULL,
    status      VARCHAR(20)              NOT NULL
);

CREATE INDEX visit_by_patient_date ON visit (patient_id, visit_date);

CREATE TABLE setting (
    name        VARCHAR(100)  NOT NULL PRIMARY KEY,
    text_value  VARCHAR(4000),
    blob_value  BYTEA
);
