package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * The gate every connection of the database passes: a copy waits for the connections out, a thread asking
 * meanwhile waits for the copy, and a thread already holding one is never made to wait (it would wait for a
 * copy that waits for it).
 */
class ConnectionGateTest {

    @Test
    void aThreadHoldingAConnectionTakesAnotherWhileACopyWaitsForIt() throws Exception {
        ConnectionGate gate = new ConnectionGate(() -> { });
        Thread me = Thread.currentThread();
        gate.enter();
        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> gate.close(600_000, true));
        // the copy has closed the gate and waits for this thread's connection
        while (!gate.isClosed()) {
            Thread.onSpinWait();
        }
        // in a transaction, the audit trail's append takes a connection of its own: it does not wait
        gate.enter();
        gate.leave(me);
        gate.leave(me);
        assertThat(closed.get()).as("closed once both came back").isTrue();
    }

    @Test
    void aThreadAskingWhileTheGateIsClosedWaitsUntilItOpens() throws Exception {
        CompletableFuture<Void> waits = new CompletableFuture<>();
        ConnectionGate gate = new ConnectionGate(() -> waits.complete(null));
        assertThat(gate.close(600_000, true)).isTrue();
        CompletableFuture<Void> entered = CompletableFuture.runAsync(() -> {
            try {
                gate.enter();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waits.get();
        assertThat(entered).as("waiting while closed").isNotDone();
        gate.open();
        entered.get();
    }

    @Test
    void aCopyIsNotMadeByAThreadHoldingAConnection() throws Exception {
        ConnectionGate gate = new ConnectionGate(() -> { });
        gate.enter();
        assertThatThrownBy(() -> gate.close(600_000, true)).isInstanceOf(IllegalStateException.class);
        // a close goes on: it waits only for the connections of other threads
        assertThat(gate.close(600_000, false)).isTrue();
    }

    @Test
    void aCopyWaitingTooLongForTheConnectionsOutGivesUp() throws Exception {
        ConnectionGate gate = new ConnectionGate(() -> { });
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                gate.enter();
                held.countDown();
                done.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        held.await();
        assertThat(gate.close(1, true)).isFalse();
        gate.open();
        done.countDown();
        holder.join();
    }
}
