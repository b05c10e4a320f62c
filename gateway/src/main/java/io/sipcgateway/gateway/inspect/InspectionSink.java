package io.sipcgateway.gateway.inspect;

/**
 * Where recorded {@link TranslationEvent}s go: a file, a HEP collector, a pcap, the live web view. The
 * {@link Inspector} calls {@link #accept} on its one recorder thread only, never on an I/O thread, with events already
 * masked (and bodies redacted if so configured), in recording order. An implementation need not be thread-safe, but it
 * should not block for long: while it does, the recorder's buffer fills and new events are dropped and counted.
 * A sink may buffer what it writes: the recorder calls {@link #flush()} when it has nothing else to do, and at least
 * every few milliseconds under load. {@link #close()} is called once, after the last {@code accept}, and must write out
 * what is still buffered.
 */
public interface InspectionSink extends AutoCloseable {

    void accept(TranslationEvent event);

    /** Writes out what {@link #accept} buffered; the default does nothing. A sink logs its own I/O failures. */
    default void flush() {
    }

    /** Releases files and sockets; the default does nothing. Failures are logged by the recorder, not thrown on. */
    @Override
    default void close() throws Exception {
    }
}
