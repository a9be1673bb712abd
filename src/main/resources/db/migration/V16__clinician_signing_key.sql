-- A clinician's signing key on a clinic's server (issue 19): her Ed25519 key pair for the audit rows she
-- causes, kept in the database, its private key wrapped on her workstation under her password exactly as
-- a key file entry keeps it (PBKDF2-HMAC-SHA256, its salt and iterations, AES-256-GCM with its nonce;
-- Base64), the KDF's parameters and the public key bound into the associated data. Nothing here is
-- unwrapped. Its public key is also registered in signing_key by its fingerprint, where it stays after
-- this row is replaced (a password reset), so the rows it signed still verify. The embedded mode keeps
-- its signing keys in the key file; this table stays empty there. On PostgreSQL each clinician reads and
-- writes only her own row (V16_1).
CREATE TABLE clinician_signing_key (
    username        VARCHAR(64)              NOT NULL PRIMARY KEY,
    kdf             VARCHAR(40)              NOT NULL,
    iterations      INTEGER                  NOT NULL,
    salt            VARCHAR(64)              NOT NULL,
    nonce           VARCHAR(64)              NOT NULL,
    wrapped         VARCHAR(200)             NOT NULL,
    public_key      VARCHAR(200)             NOT NULL,
    fingerprint     VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
