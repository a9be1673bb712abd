-- PostgreSQL only. Each clinician reads and writes only her own wrapped signing key (V16): row-level
-- security by her login (current_user is the login outside SECURITY DEFINER functions). The database's
-- owner owns the table and is not bound by the policy; Rebound still reads only the signed-in clinician's row.
ALTER TABLE clinician_signing_key ENABLE ROW LEVEL SECURITY;

CREATE POLICY clinician_signing_key_own ON clinician_signing_key FOR ALL TO rebound_clinician
    USING (username = current_user) WITH CHECK (username = current_user);

GRANT SELECT, INSERT, UPDATE, DELETE ON clinician_signing_key TO rebound_clinician;

-- Her public key goes into signing_key (readable by everyone, written by nobody directly) under her own
-- login's name only, and only with the fingerprint that is its SHA-256: nobody registers a key in another's name.
CREATE FUNCTION rebound_signing_key_register(new_fingerprint VARCHAR, new_public_key VARCHAR,
        at TIMESTAMP WITH TIME ZONE) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF new_fingerprint IS DISTINCT FROM encode(sha256(decode(new_public_key, 'hex')), 'hex') THEN
        RAISE EXCEPTION 'the fingerprint is not the public key''s' USING ERRCODE = '22023';
    END IF;
    INSERT INTO signing_key (fingerprint, username, public_key, registered_at)
    VALUES (new_fingerprint, session_user, new_public_key, at)
    ON CONFLICT (fingerprint) DO NOTHING;
END
$$;

-- An administrator's reset of another clinician's password: her wrapped key no longer opens with any
-- password she knows, so it goes; she gets a new pair at her next sign-in (the old public key stays in
-- signing_key, for the rows it signed).
CREATE FUNCTION rebound_signing_key_forget(old_username VARCHAR) RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT rebound_is_administrator() THEN
        RAISE EXCEPTION 'only an administrator may reset a password' USING ERRCODE = '42501';
    END IF;
    DELETE FROM clinician_signing_key WHERE username = old_username;
    RETURN FOUND;
END
$$;

REVOKE ALL ON FUNCTION rebound_signing_key_register(VARCHAR, VARCHAR, TIMESTAMP WITH TIME ZONE),
    rebound_signing_key_forget(VARCHAR) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rebound_signing_key_register(VARCHAR, VARCHAR, TIMESTAMP WITH TIME ZONE),
    rebound_signing_key_forget(VARCHAR) TO rebound_clinician;
