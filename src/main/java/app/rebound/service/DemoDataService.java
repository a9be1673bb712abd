package app.rebound.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import app.rebound.domain.demo.DemoPatients;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.store.PatientStore;
import app.rebound.store.RecordStore;

/**
 * Made-up patients and visits ({@link DemoPatients}) written straight into the records, for trying
 * Rebound and for the benchmarks: {@value #CHUNK} patients a transaction, each visit with the
 * suggestion the rules give it after the visit before.
 */
public final class DemoDataService {

    /** Patients written in one transaction: big enough for JDBC batches, small enough for memory. */
    public static final int CHUNK = 2_000;

    /** What was added. */
    public record Added(int patients, int visits) {
    }

    private final PatientStore patients;
    private final RecordStore records;
    private final Clock clock;

    public DemoDataService(PatientStore patients, RecordStore records, Clock clock) {
        this.patients = patients;
        this.records = records;
        this.clock = clock;
    }

    /** How many patients the records hold, archived ones included. */
    public int storedPatients() {
        return patients.count();
    }

    /**
     * Adds {@code count} made-up patients with their visits.
     *
     * @param seed          the same seed on the same records gives the same patients
     * @param averageVisits the average number of visits a patient (see {@link DemoPatients})
     * @param progress      told how many patients are written so far, after each transaction
     */
    public Added add(int count, long seed, double averageVisits, IntConsumer progress) {
        return add(count, seed, averageVisits, progress, CHUNK);
    }

    /** As {@link #add(int, long, double, IntConsumer)}, {@code chunkSize} patients a transaction. */
    Added add(int count, long seed, double averageVisits, IntConsumer progress, int chunkSize) {
        if (count < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("count " + count + ", chunk " + chunkSize);
        }
        DemoPatients demo = new DemoPatients(seed, storedPatients(), averageVisits, clock.instant(), clock.getZone());
        int written = 0;
        int visits = 0;
        while (written < count) {
            int chunk = Math.min(chunkSize, count - written);
            List<RecordStore.PatientWrite> patientWrites = new ArrayList<>(chunk);
            List<RecordStore.VisitWrite> visitWrites = new ArrayList<>(chunk * 8);
            for (int i = 0; i < chunk; i++) {
                DemoPatients.Made made = demo.next();
                patientWrites.add(new RecordStore.PatientWrite(made.patient(), false));
                Visit previous = null;
                for (Visit visit : made.visits()) {
                    var readiness = ReadinessRules.evaluate(visit, made.patient().births(), previous);
                    visitWrites.add(new RecordStore.VisitWrite(visit, readiness.suggestedStage(), null, false));
                    previous = visit;
                }
            }
            records.apply(new RecordStore.Change(patientWrites, visitWrites, List.of(), Map.of()));
            written += chunk;
            visits += visitWrites.size();
            progress.accept(written);
        }
        return new Added(written, visits);
    }
}
