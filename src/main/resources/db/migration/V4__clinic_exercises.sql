-- The clinic's own exercises (record format EXERCISE) and photos that replace a drawing.
-- Steps and cues are kept one per line.

CREATE TABLE clinic_exercise (
    code           VARCHAR(40)   NOT NULL PRIMARY KEY,
    name           VARCHAR(400)  NOT NULL,
    stage          VARCHAR(20)   NOT NULL,
    purpose        VARCHAR(2000),
    instructions   VARCHAR(8000) NOT NULL,
    cues           VARCHAR(4000),
    easier         VARCHAR(1000),
    harder         VARCHAR(1000),
    sets           INTEGER       NOT NULL,
    reps           INTEGER       NOT NULL,
    hold_seconds   INTEGER       NOT NULL,
    times_per_day  INTEGER       NOT NULL,
    days_per_week  INTEGER       NOT NULL
);

CREATE TABLE exercise_photo (
    code        VARCHAR(40) NOT NULL PRIMARY KEY,
    media_type  VARCHAR(20) NOT NULL,
    data        BYTEA       NOT NULL
);
