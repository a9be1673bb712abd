-- PostgreSQL only. Who may do what is enforced by the server, not only by the app: each clinician
-- signs in with her own login, a member of rebound_clinician (administrators also of rebound_admin),
-- and these roles hold only the rights Rebound's work needs. The audit trail can be added to and
-- read, never changed or deleted; accounts change only through the functions below, which check
-- that the caller is an administrator. The database's owner (who ran init) owns every table.
-- Roles belong to the whole server, not to this database: made once, kept if already there.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rebound_clinician') THEN
        CREATE ROLE rebound_clinician NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rebound_admin') THEN
        CREATE ROLE rebound_admin NOLOGIN IN ROLE rebound_clinician;
    END IF;
END
$$;

-- the clinical record: read and written in the course of the work
GRANT SELECT, INSERT, UPDATE, DELETE ON patient, patient_name_word, patient_name_prefix, birth, visit,
    visit_red_flag, visit_strength, visit_load, visit_psfs, visit_amendment, setting, programme,
    programme_exercise, programme_walk_run, clinic_exercise, exercise_photo, progress_summary
    TO rebound_clinician;

-- the audit trail: appended to and read; its head row moves on with each append
GRANT SELECT, INSERT ON audit_event TO rebound_clinician;
GRANT SELECT, UPDATE ON audit_head TO rebound_clinician;
GRANT SELECT ON audit_trail_key, signing_key, key_recipient, clinician, flyway_schema_history
    TO rebound_clinician;

-- accounts: only through these functions, which run with the owner's rights after checking the caller
CREATE FUNCTION rebound_is_administrator() RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'rebound_admin', 'MEMBER')
        OR session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())
$$;

CREATE FUNCTION rebound_account_add(new_id UUID, new_username VARCHAR, new_display_name VARCHAR,
        new_administrator BOOLEAN, at TIMESTAMP WITH TIME ZONE) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT rebound_is_administrator() THEN
        RAISE EXCEPTION 'only an administrator may add a clinician' USING ERRCODE = '42501';
    END IF;
    INSERT INTO clinician (id, username, display_name, administrator, created_at)
    VALUES (new_id, new_username, new_display_name, new_administrator, at);
END
$$;

CREATE FUNCTION rebound_account_remove(old_username VARCHAR, at TIMESTAMP WITH TIME ZONE) RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT rebound_is_administrator() THEN
        RAISE EXCEPTION 'only an administrator may remove a clinician' USING ERRCODE = '42501';
    END IF;
    UPDATE clinician SET removed_at = at WHERE username = old_username AND removed_at IS NULL;
    RETURN FOUND;
END
$$;

REVOKE ALL ON FUNCTION rebound_is_administrator(), rebound_account_add(UUID, VARCHAR, VARCHAR, BOOLEAN,
    TIMESTAMP WITH TIME ZONE), rebound_account_remove(VARCHAR, TIMESTAMP WITH TIME ZONE) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rebound_is_administrator(), rebound_account_add(UUID, VARCHAR, VARCHAR, BOOLEAN,
    TIMESTAMP WITH TIME ZONE), rebound_account_remove(VARCHAR, TIMESTAMP WITH TIME ZONE) TO rebound_clinician;
