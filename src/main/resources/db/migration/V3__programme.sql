-- The home programme issued at a visit (record format PROGRAMME): its stage (and the suggestion of
-- the moment), the ordered exercises with their doses, and the week-by-week walk-run plan.

CREATE TABLE programme (
    visit_id          UUID        NOT NULL PRIMARY KEY REFERENCES visit (id) ON DELETE CASCADE,
    stage             VARCHAR(20) NOT NULL,
    suggested_stage   VARCHAR(20),
    review_in_weeks   INTEGER
);

CREATE TABLE programme_exercise (
    visit_id          UUID          NOT NULL REFERENCES programme (visit_id) ON DELETE CASCADE,
    position          INTEGER       NOT NULL,
    exercise_code     VARCHAR(40)   NOT NULL,
    sets              INTEGER       NOT NULL,
    reps              INTEGER       NOT NULL,
    hold_seconds      INTEGER       NOT NULL,
    times_per_day     INTEGER       NOT NULL,
    days_per_week     INTEGER       NOT NULL,
    notes             VARCHAR(8000),
    PRIMARY KEY (visit_id, position)
);

CREATE TABLE programme_walk_run (
    visit_id          UUID    NOT NULL REFERENCES programme (visit_id) ON DELETE CASCADE,
    week              INTEGER NOT NULL,
    sessions_per_week INTEGER NOT NULL,
    run_seconds       INTEGER NOT NULL,
    walk_seconds      INTEGER NOT NULL,
    repeats           INTEGER NOT NULL,
    PRIMARY KEY (visit_id, week)
);
