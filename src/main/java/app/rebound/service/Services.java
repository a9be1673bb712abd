package app.rebound.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.DatabaseInUseException;
import app.rebound.store.StoreException;
import app.rebound.store.PatientStore;
import app.rebound.store.ProgrammeStore;
import app.rebound.store.SettingsStore;
import app.rebound.store.VisitStore;

/** The use cases the window and the commands share, built on one open database. */
public record Services(Database database, PatientService patients, SettingsService settings, VisitService visits,
        ProgrammeService programmes, ExerciseCatalogue exercises, ProgressService progress,
        RecordService records, DemoDataService demoData, Session session, AuditService audit,
        AccountService accounts)
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

    private static Services open(java.util.function.Supplier<Database> opener, Clock clock, Locale locale) {
        try {
            return on(opener.get(), clock, locale);
        } catch (DatabaseInUseException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.IN_USE, e);
        } catch (app.rebound.store.MigrationException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_UPDATE, e);
        } catch (app.rebound.store.DatabaseMissingException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.MISSING, e);
        } catch (app.rebound.store.ForeignDatabaseException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.FOREIGN, e);
        } catch (app.rebound.store.DatabaseDamagedException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.DAMAGED, e);
        } catch (StoreException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_OPEN, e);
        }
    }

    public static Services on(Database database, Clock clock, Locale locale) {
        Session session = new Session();
        AuditService audit = new AuditService(new app.rebound.store.AuditStore(database), session, clock);
        PatientStore patientStore = new PatientStore(database);
        VisitStore visitStore = new VisitStore(database);
        ExerciseCatalogue catalogue = new ExerciseCatalogue(new app.rebound.store.ExerciseStore(database));
        SettingsService settings = new SettingsService(new SettingsStore(database), locale, session);
        app.rebound.store.RecordStore recordStore = new app.rebound.store.RecordStore(database);
        Services services = new Services(database,
                new PatientService(patientStore, clock),
                settings,
                new VisitService(visitStore, patientStore, settings, clock),
                new ProgrammeService(new ProgrammeStore(database), visitStore, patientStore, settings, catalogue),
                catalogue,
                new ProgressService(patientStore, visitStore, new app.rebound.store.ProgressSummaryStore(database),
                        settings, clock),
                new RecordService(patientStore, visitStore, new ProgrammeStore(database),
                        new app.rebound.store.ExerciseStore(database), recordStore, clock),
                new DemoDataService(patientStore, recordStore, clock),
                session, audit,
                new AccountService(new app.rebound.store.ClinicianStore(database), session, audit, database,
                        clock));
        services.patients().audit(audit);
        services.visits().audit(audit);
        services.programmes().audit(audit);
        services.progress().audit(audit);
        services.records().audit(audit);
        return services;
    }

    /** Runs the first query so that jOOQ and H2 are warm before the clinician types. */
    public void warmUp() {
        patients.search("", false);
        settings.load();
    }

    /** Closes the records and shrinks their file to what they hold: after writing many records at once. */
    public void closeCompacted() {
        database.closeCompacted();
    }

    @Override
    public void close() {
        database.close();
    }
}
