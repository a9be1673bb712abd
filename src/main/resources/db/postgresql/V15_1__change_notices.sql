-- PostgreSQL only. Lists and an open patient refresh when another workstation changes them: every
-- change of a patient, a visit, a programme or a progress summary sends a notice on the channel
-- rebound_change, in the transaction of the change (PostgreSQL delivers it at commit, never for a
-- rolled-back change). The notice names the table, the patient and the row by their ids and the
-- workstation that made the change (its connection's application_name), never a name or a value.
CREATE FUNCTION rebound_notify_change() RETURNS TRIGGER
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    changed RECORD;
    patient TEXT;
    row_id  TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'patient' THEN
        patient := changed.id::text;
        row_id := changed.id::text;
    ELSIF TG_TABLE_NAME = 'visit' THEN
        patient := changed.patient_id::text;
        row_id := changed.id::text;
    ELSIF TG_TABLE_NAME = 'programme' THEN
        patient := (SELECT v.patient_id::text FROM visit v WHERE v.id = changed.visit_id);
        row_id := changed.visit_id::text;
    ELSE
        patient := changed.patient_id::text;
        row_id := changed.patient_id::text;
    END IF;
    PERFORM pg_notify('rebound_change', TG_TABLE_NAME || ' ' || COALESCE(patient, '-') || ' ' || row_id || ' '
        || COALESCE(current_setting('application_name', true), ''));
    RETURN NULL;
END
$$;

CREATE TRIGGER patient_changed AFTER INSERT OR UPDATE OR DELETE ON patient
    FOR EACH ROW EXECUTE FUNCTION rebound_notify_change();
CREATE TRIGGER visit_changed AFTER INSERT OR UPDATE OR DELETE ON visit
    FOR EACH ROW EXECUTE FUNCTION rebound_notify_change();
CREATE TRIGGER programme_changed AFTER INSERT OR UPDATE OR DELETE ON programme
    FOR EACH ROW EXECUTE FUNCTION rebound_notify_change();
CREATE TRIGGER progress_summary_changed AFTER INSERT OR UPDATE OR DELETE ON progress_summary
    FOR EACH ROW EXECUTE FUNCTION rebound_notify_change();

-- who has a visit open: marked, renewed and cleared by each clinician's workstation
GRANT SELECT, INSERT, UPDATE, DELETE ON visit_presence TO rebound_clinician;
