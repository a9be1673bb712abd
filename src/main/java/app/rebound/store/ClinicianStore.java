package app.rebound.store;

import static app.rebound.store.jooq.Tables.CLINICIAN;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;

import app.rebound.domain.Clinician;
import app.rebound.store.jooq.tables.records.ClinicianRecord;

/** The clinicians' accounts (names and roles; their passwords are only in the key file). */
public final class ClinicianStore {

    private final DSLContext dsl;

    public ClinicianStore(Database database) {
        this.dsl = database.dsl();
    }

    /** The current (not removed) clinician with this user name, already normalised. */
    public Optional<Clinician> byUsername(String username) {
        return dsl.selectFrom(CLINICIAN).where(CLINICIAN.USERNAME.eq(username)).and(CLINICIAN.REMOVED_AT.isNull())
                .fetchOptional().map(ClinicianStore::clinician);
    }

    public Optional<Clinician> byId(UUID id) {
        return dsl.selectFrom(CLINICIAN).where(CLINICIAN.ID.eq(id)).and(CLINICIAN.REMOVED_AT.isNull())
                .fetchOptional().map(ClinicianStore::clinician);
    }

    /** Every current clinician, by display name. */
    public List<Clinician> current() {
        return dsl.selectFrom(CLINICIAN).where(CLINICIAN.REMOVED_AT.isNull())
                .orderBy(CLINICIAN.DISPLAY_NAME, CLINICIAN.USERNAME).fetch(ClinicianStore::clinician);
    }

    /** Whether the name was ever used, even by a removed account (names are not reused). */
    public boolean usernameTaken(String username) {
        return dsl.fetchExists(CLINICIAN, CLINICIAN.USERNAME.eq(username));
    }

    /** Whether the database has no account at all, not even a removed one. */
    public boolean none() {
        return !dsl.fetchExists(CLINICIAN);
    }

    public void insert(Clinician clinician, OffsetDateTime now) {
        inserting(clinician, now).within(dsl);
    }

    /** Her account, to be written in the transaction of what goes with it (her key's registration). */
    public AlsoInTransaction inserting(Clinician clinician, OffsetDateTime now) {
        return tx -> insert(tx, clinician, now);
    }

    private static void insert(DSLContext tx, Clinician clinician, OffsetDateTime now) {
        ClinicianRecord row = tx.newRecord(CLINICIAN);
        row.setId(clinician.id());
        row.setUsername(clinician.username());
        row.setDisplayName(clinician.displayName());
        row.setAdministrator(clinician.administrator());
        row.setCreatedAt(now);
        row.store();
    }

    public void update(Clinician clinician) {
        dsl.update(CLINICIAN).set(CLINICIAN.DISPLAY_NAME, clinician.displayName())
                .set(CLINICIAN.ADMINISTRATOR, clinician.administrator())
                .where(CLINICIAN.ID.eq(clinician.id())).execute();
    }

    public void remove(UUID id, OffsetDateTime now) {
        dsl.update(CLINICIAN).set(CLINICIAN.REMOVED_AT, now).where(CLINICIAN.ID.eq(id)).execute();
    }

    private static Clinician clinician(ClinicianRecord row) {
        return new Clinician(row.getId(), row.getUsername(), row.getDisplayName(), row.getAdministrator());
    }
}
