package app.rebound.store;

import org.jooq.DSLContext;

/**
 * More writing that belongs to a store's transaction, e.g. the audit trail's row for a change: it
 * commits with the change or not at all, in one durable commit instead of two.
 */
public interface AlsoInTransaction {

    /** Nothing more. */
    AlsoInTransaction NOTHING = tx -> { };

    /** Writes, inside the transaction. */
    void within(DSLContext tx);

    /**
     * Runs the whole transaction, and anything to do once it has committed; the default just runs it.
     * The audit trail holds its lock around it, so its rows keep their order.
     */
    default void around(Runnable transaction) {
        transaction.run();
    }

    /** This, then {@code next}, in the same transaction (each one's {@link #around} kept). */
    default AlsoInTransaction andThen(AlsoInTransaction next) {
        AlsoInTransaction first = this;
        return new AlsoInTransaction() {
            @Override
            public void within(DSLContext tx) {
                first.within(tx);
                next.within(tx);
            }

            @Override
            public void around(Runnable transaction) {
                first.around(() -> next.around(transaction));
            }
        };
    }
}
