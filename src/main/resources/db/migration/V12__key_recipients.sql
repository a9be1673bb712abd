-- The trust anchor for the key file's public keys: each recipient's (clinician's, and the recovery
-- key's as '#recovery') X25519 public key fingerprint (SHA-256, hex). The key file can be replaced by
-- anyone who can write to the data folder; this table is inside the encrypted database, and a new
-- database key is sealed only to public keys whose fingerprint is here.
CREATE TABLE key_recipient (
    recipient       VARCHAR(64)              NOT NULL PRIMARY KEY,
    fingerprint     VARCHAR(64)              NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The audit trail's HMAC key (hex). It was derived from the database key; the database key now
-- changes when a clinician is removed, so the trail keeps its own key, inside the encrypted database.
CREATE TABLE audit_trail_key (
    id              INTEGER                  NOT NULL PRIMARY KEY,
    hmac_key        VARCHAR(64)              NOT NULL
);

-- Every Ed25519 public key that ever signed audit rows (a clinician's, kept after she is removed or
-- after a password reset gave her a new one), by its fingerprint (SHA-256 of the encoded key, hex).
CREATE TABLE signing_key (
    fingerprint     VARCHAR(64)              NOT NULL PRIMARY KEY,
    username        VARCHAR(64)              NOT NULL,
    public_key      VARCHAR(200)             NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- New rows are signed by the clinician who acts: the signing key's fingerprint and the Ed25519
-- signature (hex) over the previous row's hash and the row. Rows from before stay unsigned.
ALTER TABLE audit_event ADD COLUMN signer VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN signature VARCHAR(128);
