package app.rebound.domain.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Outcome measures: PSFS (up to five activities), ICIQ-UI SF total score, PGI-I. */
public record Outcomes(List<PsfsItem> psfs, Integer iciqUiSfScore, Integer pgiI) {

    public static final int PSFS_MAX_ITEMS = 5;
    public static final Outcomes EMPTY = new Outcomes(List.of(), null, null);

    public Outcomes {
        psfs = psfs == null ? List.of() : List.copyOf(psfs);
    }

    /** The PSFS score: the mean of the scored activities, to two decimals; empty when none is scored. */
    public Optional<BigDecimal> psfsMean() {
        List<Integer> scores = psfs.stream().map(PsfsItem::score).filter(Objects::nonNull).toList();
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        int sum = scores.stream().mapToInt(Integer::intValue).sum();
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        BigDecimal stripped = mean.stripTrailingZeros();
        return Optional.of(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    /**
     * The activities of an earlier visit that a follow-up scores again: those of {@code earlier} not already
     * among this visit's (by name, whatever the case), in their order, no more than the rows left.
     */
    public List<String> activitiesToCarry(Outcomes earlier) {
        if (earlier == null) {
            return List.of();
        }
        List<String> have = new ArrayList<>();
        psfs.forEach(item -> have.add(key(item.activity())));
        List<String> carried = new ArrayList<>();
        for (PsfsItem item : earlier.psfs()) {
            String name = item.activity();
            if (name != null && !name.isBlank() && !have.contains(key(name))
                    && have.size() + carried.size() < PSFS_MAX_ITEMS) {
                have.add(key(name));
                carried.add(name.strip());
            }
        }
        return List.copyOf(carried);
    }

    /** An activity's name as compared: stripped, in lower case. */
    public static String key(String activity) {
        return activity == null ? "" : activity.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
