package io.sipcgateway.gateway.inspect;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * What {@link Inspector#record} puts in the recorder's buffer: an event built on the caller ({@link Ready}), or an
 * exchange whose text is built on the recorder thread ({@link PendingExchange}), or a marker that
 * {@link Inspector#awaitIdle} waits for ({@link Barrier}).
 */
sealed interface PendingEvent permits PendingEvent.Ready, PendingExchange, PendingEvent.Barrier {

    /** An event built in full by its caller (tests, tools). */
    record Ready(TranslationEvent event) implements PendingEvent {
        public Ready {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Not an event: the recorder flushes the sinks when it reaches it and opens the latch. The buffer is FIFO, so
     * every event offered before the barrier has been handed to the sinks and flushed by then.
     */
    record Barrier(CountDownLatch reached) implements PendingEvent {
        public Barrier {
            Objects.requireNonNull(reached, "reached");
        }
    }
}
