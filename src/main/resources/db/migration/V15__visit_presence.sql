-- Two people, one visit (server mode): a visit open for editing on a workstation is marked here, so
-- that another workstation opening it shows "being edited by NAME". The open form renews its row every
-- little while (seen_at); a row not renewed for a few minutes is no longer counted, so a workstation that
-- crashed or lost the network stops showing as editing without anyone clearing it. The name is the
-- clinician's (never the patient's); the row names the visit by its id only. No foreign key: a row can
-- outlive its visit by the minutes it takes to expire, and goes at the next mark.
CREATE TABLE visit_presence (
    visit_id    UUID                     NOT NULL,
    workstation VARCHAR(64)              NOT NULL,
    clinician   VARCHAR(400),
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (visit_id, workstation)
);

CREATE INDEX visit_presence_seen ON visit_presence (seen_at);
