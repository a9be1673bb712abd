package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.Visit;
import app.rebound.records.RecordFile;
import app.rebound.records.RecordSchema;
import app.rebound.records.RecordWriter;

/** A file of random valid visits (the store's round-trip property's visits), as RecordWriter writes it, validates. */
class RecordSchemaProperties {

    private static final UUID PATIENT = UUID.fromString("6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60");

    @Provide
    Arbitrary<Visit> visits() {
        return VisitStoreProperties.visitsOf(PATIENT);
    }

    @Property(tries = 200)
    void everyWrittenVisitValidatesAgainstThePublishedSchema(@ForAll("visits") Visit visit) {
        Patient patient = PatientFixture.patient("Zoë", "Ødegård").id(PATIENT).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(new RecordFile(Instant.parse("2026-11-22T10:00:00Z"), List.of(), Map.of(),
                List.of(new RecordFile.PatientRecord(patient, List.of(new RecordFile.VisitRecord(visit, null))))), out);

        assertThat(RecordSchema.problems(out.toByteArray())).isEmpty();
    }
}
