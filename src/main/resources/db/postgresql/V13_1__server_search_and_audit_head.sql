-- PostgreSQL only. Search matches the start of a name word (word LIKE 'ab%'): under the database's
-- usual collation (en_US.UTF-8 and the like) PostgreSQL cannot walk a B-tree index for LIKE and reads
-- the whole table. Under the C collation it can; H2 compares these columns the same way (by code
-- unit), and the folded words and sort keys are lower case, so the order shown does not change.
ALTER TABLE patient ALTER COLUMN sort_key TYPE VARCHAR(2000) COLLATE "C";
ALTER TABLE patient_name_word ALTER COLUMN word TYPE VARCHAR(1000) COLLATE "C";
ALTER TABLE patient_name_prefix ALTER COLUMN prefix TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE patient_name_prefix ALTER COLUMN sort_key TYPE VARCHAR(2000) COLLATE "C";

-- The audit trail's head in server mode, in place of the end marker file of the embedded mode: one
-- row, locked FOR UPDATE by each append for the length of its transaction, so appends from several
-- workstations take their turns (two of them reading the same last row made duplicate numbers) and
-- the newest row's number and hash move on in the same commit as the rows.
CREATE TABLE audit_head (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq     BIGINT  NOT NULL,
    hash    BYTEA   NOT NULL
);

INSERT INTO audit_head (id, seq, hash)
SELECT 1, COALESCE(MAX(seq), 0), COALESCE((SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
FROM audit_event;
