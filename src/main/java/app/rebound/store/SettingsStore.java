package app.rebound.store;

import static app.rebound.store.jooq.Tables.SETTING;

import java.util.Optional;

import org.jooq.DSLContext;

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.store.jooq.tables.records.SettingRecord;

/** The clinic's settings, as named rows of the setting table. */
public final class SettingsStore {

    static final String CLINIC_NAME = "clinic.name";
    static final String CLINICIAN_NAME = "clinician.name";
    /** The clinic-wide clinician's name from before accounts, removed once the first account is made. */
    public static final String CLINICIAN_NAME_SETTING = CLINICIAN_NAME;
    static final String PAPER_SIZE = "paper.size";
    static final String LOGO = "clinic.logo";

    private final DSLContext dsl;

    public SettingsStore(Database database) {
        this.dsl = database.dsl();
    }

    /** The stored settings, with {@code defaultPaper} when none was chosen yet. */
    public ClinicSettings load(PaperSize defaultPaper) {
        String paper = text(PAPER_SIZE).orElse(null);
        ClinicLogo logo = row(LOGO)
                .filter(r -> r.getBlobValue() != null && r.getTextValue() != null)
                .map(r -> new ClinicLogo(r.getTextValue(), r.getBlobValue()))
                .orElse(null);
        return new ClinicSettings(
                text(CLINIC_NAME).orElse(null),
                text(CLINICIAN_NAME).orElse(null),
                paperSize(paper, defaultPaper),
                logo);
    }

    private static PaperSize paperSize(String stored, PaperSize fallback) {
        for (PaperSize size : PaperSize.values()) {
            if (size.name().equals(stored)) {
                return size;
            }
        }
        return fallback;
    }

    public void save(ClinicSettings settings) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            put(tx, CLINIC_NAME, settings.clinicName(), null);
            put(tx, CLINICIAN_NAME, settings.clinicianName(), null);
            put(tx, PAPER_SIZE, settings.paperSize().name(), null);
            ClinicLogo logo = settings.logo();
            put(tx, LOGO, logo == null ? null : logo.mediaType(), logo == null ? null : logo.data());
        });
    }

    /** A named setting of the clinic other than those of {@link ClinicSettings}, e.g. a one-time question asked. */
    public Optional<String> value(String name) {
        return text(name);
    }

    public void put(String name, String value) {
        dsl.transaction(configuration -> put(configuration.dsl(), name, value, null));
    }

    public void remove(String name) {
        put(name, null);
    }

    private Optional<String> text(String name) {
        return row(name).map(SettingRecord::getTextValue);
    }

    private Optional<SettingRecord> row(String name) {
        return Optional.ofNullable(dsl.selectFrom(SETTING).where(SETTING.NAME.eq(name)).fetchOne());
    }

    private static void put(DSLContext tx, String name, String text, byte[] blob) {
        tx.deleteFrom(SETTING).where(SETTING.NAME.eq(name)).execute();
        if (text != null || blob != null) {
            tx.insertInto(SETTING, SETTING.NAME, SETTING.TEXT_VALUE, SETTING.BLOB_VALUE)
                    .values(name, text, blob)
                    .execute();
        }
    }
}
