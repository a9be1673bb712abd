package app.rebound.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.DatabaseInUseException;
import app.rebound.store.StoreException;
import app.rebound.store.PatientStore;
import app.rebound.store.ProgrammeStore;
import app.rebound.store.SettingsStore;
import app.rebound.store.VisitStore;
import app.rebound.store.AuditStore;
import app.rebound.store.ClinicianStore;
import app.rebound.store.DatabaseDamagedException;
import app.rebound.store.DatabaseMissingException;
import app.rebound.store.ExerciseStore;
import app.rebound.store.ForeignDatabaseException;
import app.rebound.store.MigrationException;
import app.rebound.store.ProgressSummaryStore;
import app.rebound.store.RecordStore;

/** The use cases the window and the commands share, built on one open database. */
public record Services(Database database, PatientService patients, SettingsService settings, VisitService visits,
        ProgrammeService programmes, ExerciseCatalogue exercises, ProgressService progress,
        RecordService records, DemoDataService demoData, Session session, AuditService audit,
        AccountService accounts, OtherWorkstations workstations)
        implements AutoCloseable {

    /**
     * Opens the encrypted database in {@code folder} (creating and migrating it as needed) and builds the
     * services, with nobody signed in yet (see {@link ClinicAccess}).
     *
     * @throws RecordsUnavailableException when it cannot be opened, e.g. another Rebound has it open
     */
    public static Services open(Path folder, DatabaseKey key, Clock clock, Locale locale) {
        return open(() -> Database.open(folder, key), clock, locale);
    }

    /** As {@link #open}, but a missing database is refused rather than created empty. */
    public static Services openExisting(Path folder, DatabaseKey key, Clock clock, Locale locale) {
        return open(() -> Database.openExisting(folder, key), clock, locale);
    }

    private static Services open(Supplier<Database> opener, Clock clock, Locale locale) {
        try {
            return on(opener.get(), clock, locale);
        } catch (DatabaseInUseException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.IN_USE, e);
        } catch (MigrationException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_UPDATE, e);
        } catch (DatabaseMissingException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.MISSING, e);
        } catch (ForeignDatabaseException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.FOREIGN, e);
        } catch (DatabaseDamagedException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.DAMAGED, e);
        } catch (StoreException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_OPEN, e);
        }
    }

    public static Services on(Database database, Clock clock, Locale locale) {
        Session session = new Session();
        AuditService audit = new AuditService(new AuditStore(database), session, clock);
        PatientStore patientStore = new PatientStore(database);
        VisitStore visitStore = new VisitStore(database);
        ExerciseCatalogue catalogue = new ExerciseCatalogue(new ExerciseStore(database));
        SettingsService settings = new SettingsService(new SettingsStore(database), locale, session);
        RecordStore recordStore = new RecordStore(database);
        Services services = new Services(database,
                new PatientService(patientStore, clock),
                settings,
                new VisitService(visitStore, patientStore, settings, clock),
                new ProgrammeService(new ProgrammeStore(database), visitStore, patientStore, settings, catalogue),
                catalogue,
                new ProgressService(patientStore, visitStore, new ProgressSummaryStore(database),
                        settings, clock),
                new RecordService(patientStore, visitStore, new ProgrammeStore(database),
                        new ExerciseStore(database), recordStore, clock),
                new DemoDataService(patientStore, recordStore, clock),
                session, audit,
                new AccountService(new ClinicianStore(database), session, audit, database,
                        clock),
                new OtherWorkstations(database, session, clock));
        services.patients().audit(audit);
        services.visits().audit(audit);
        services.programmes().audit(audit);
        services.progress().audit(audit);
        services.records().audit(audit);
        services.patients().session(session);
        services.visits().session(session);
        services.programmes().session(session, clock);
        services.progress().session(session);
        return services;
    }

    /** Runs the first query so that jOOQ and H2 are warm before the clinician types. */
    public void warmUp() {
        patients.search("", false);
        settings.load();
    }

    /** Closes the records and shrinks their file to what they hold: after writing many records at once. */
    public void closeCompacted() {
        workstations.close();
        database.closeCompacted();
    }

    @Override
    public void close() {
        workstations.close();
        database.close();
    }
}
