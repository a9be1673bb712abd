package app.rebound.domain.visit;

/** A load test's result: one for the whole test, or one for each side of a one-sided test. */
public sealed interface LoadEntry permits LoadEntry.Whole, LoadEntry.PerSide {

    record Whole(LoadResult result) implements LoadEntry {
    }

    record PerSide(Sides<LoadResult> sides) implements LoadEntry {
    }
}
