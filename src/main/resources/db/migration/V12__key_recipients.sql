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
