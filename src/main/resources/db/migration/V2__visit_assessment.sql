-- The assessment of each visit: one column per measure of the record format's VISIT sections
-- (h_ history, s_ symptoms, pf_ pelvic floor, aw_ abdominal wall, o_ outcomes), and child tables
-- for the lists. A NULL is "not assessed", never zero. Portable SQL, one column per ALTER.

ALTER TABLE visit ADD COLUMN clinician VARCHAR(400);
ALTER TABLE visit ADD COLUMN kind VARCHAR(20);
ALTER TABLE visit ADD COLUMN chosen_stage VARCHAR(20);
ALTER TABLE visit ADD COLUMN suggested_stage VARCHAR(20);
ALTER TABLE visit ADD COLUMN notes VARCHAR(40000);
ALTER TABLE visit ADD COLUMN extensions VARCHAR(1000000);
ALTER TABLE visit ADD COLUMN h_breastfeeding BOOLEAN;
ALTER TABLE visit ADD COLUMN h_sleep_hours DECIMAL(4, 2);
ALTER TABLE visit ADD COLUMN h_bmi DECIMAL(4, 2);
ALTER TABLE visit ADD COLUMN h_hypermobility BOOLEAN;
ALTER TABLE visit ADD COLUMN h_psychological_concern BOOLEAN;
ALTER TABLE visit ADD COLUMN h_reds_concern BOOLEAN;
ALTER TABLE visit ADD COLUMN h_leaked_before_or_during_pregnancy BOOLEAN;
ALTER TABLE visit ADD COLUMN h_support_device VARCHAR(20);
ALTER TABLE visit ADD COLUMN s_urinary_incontinence BOOLEAN;
ALTER TABLE visit ADD COLUMN s_faecal_incontinence BOOLEAN;
ALTER TABLE visit ADD COLUMN s_urgency BOOLEAN;
ALTER TABLE visit ADD COLUMN s_heaviness_or_bulge BOOLEAN;
ALTER TABLE visit ADD COLUMN s_dyspareunia BOOLEAN;
ALTER TABLE visit ADD COLUMN s_obstructed_defecation BOOLEAN;
ALTER TABLE visit ADD COLUMN s_abdominal_separation BOOLEAN;
ALTER TABLE visit ADD COLUMN s_lumbopelvic_pain BOOLEAN;
ALTER TABLE visit ADD COLUMN s_pain_nrs INTEGER;
ALTER TABLE visit ADD COLUMN s_run_symptom_onset_minutes INTEGER;
ALTER TABLE visit ADD COLUMN red_flags_asked BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE visit ADD COLUMN pf_method VARCHAR(20);
ALTER TABLE visit ADD COLUMN pf_power INTEGER;
ALTER TABLE visit ADD COLUMN pf_endurance_seconds INTEGER;
ALTER TABLE visit ADD COLUMN pf_repetitions INTEGER;
ALTER TABLE visit ADD COLUMN pf_fast_contractions INTEGER;
ALTER TABLE visit ADD COLUMN pf_elevation BOOLEAN;
ALTER TABLE visit ADD COLUMN pf_co_contraction BOOLEAN;
ALTER TABLE visit ADD COLUMN pf_cough_precontraction BOOLEAN;
ALTER TABLE visit ADD COLUMN pf_relaxation VARCHAR(20);
ALTER TABLE visit ADD COLUMN pf_tone VARCHAR(20);
ALTER TABLE visit ADD COLUMN pf_standing_submax_hold_seconds INTEGER;
ALTER TABLE visit ADD COLUMN pf_notes VARCHAR(40000);
ALTER TABLE visit ADD COLUMN aw_method VARCHAR(20);
ALTER TABLE visit ADD COLUMN aw_unit VARCHAR(20);
ALTER TABLE visit ADD COLUMN aw_above_umbilicus DECIMAL(5, 2);
ALTER TABLE visit ADD COLUMN aw_at_umbilicus DECIMAL(5, 2);
ALTER TABLE visit ADD COLUMN aw_below_umbilicus DECIMAL(5, 2);
ALTER TABLE visit ADD COLUMN aw_doming BOOLEAN;
ALTER TABLE visit ADD COLUMN aw_linea_alba VARCHAR(10);
ALTER TABLE visit ADD COLUMN o_iciq_ui_sf_score INTEGER;
ALTER TABLE visit ADD COLUMN o_pgi_i INTEGER;

CREATE TABLE visit_red_flag (
    visit_id    UUID        NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    flag        VARCHAR(40) NOT NULL,
    PRIMARY KEY (visit_id, flag)
);

CREATE TABLE visit_strength (
    visit_id    UUID        NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    test        VARCHAR(20) NOT NULL,
    left_reps   INTEGER,
    right_reps  INTEGER,
    PRIMARY KEY (visit_id, test)
);

-- side is WHOLE for a two-legged test, LEFT or RIGHT for a one-sided one; symptoms is a
-- comma-separated list of TestSymptom words
CREATE TABLE visit_load (
    visit_id    UUID        NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    test        VARCHAR(20) NOT NULL,
    side        VARCHAR(5)  NOT NULL,
    status      VARCHAR(20) NOT NULL,
    symptoms    VARCHAR(100),
    PRIMARY KEY (visit_id, test, side)
);

CREATE TABLE visit_psfs (
    visit_id    UUID         NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    activity    VARCHAR(400),
    score       INTEGER,
    PRIMARY KEY (visit_id, position)
);

-- Each change to a completed visit: who, when, and which fields changed (paths, no values).
CREATE TABLE visit_amendment (
    id          UUID                     NOT NULL PRIMARY KEY,
    visit_id    UUID                     NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    amended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    clinician   VARCHAR(400),
    fields      VARCHAR(4000)            NOT NULL
);

CREATE INDEX visit_amendment_by_visit ON visit_amendment (visit_id, amended_at);
