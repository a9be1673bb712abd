package app.rebound.domain;

/** What the audit trail records. */
public enum AuditAction {
    VIEW, CREATE, CHANGE, EXPORT, PRINT, ARCHIVE, RESTORE, ERASE, IMPORT,
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, UNLOCK, ACCOUNT, BACKUP, RESTORE_BACKUP
}
