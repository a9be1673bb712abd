package app.rebound.domain.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
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

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
