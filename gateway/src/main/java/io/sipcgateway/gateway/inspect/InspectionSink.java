package io.sipcgateway.gateway.inspect;

/**
 * Where recorded {@link TranslationEvent}s go: a file, a HEP collector, a pcap, the live web view. The
 * {@link Inspector} calls {@link #accept} on its one recorder thread only, never on an I/O thread, with events already
 * masked (and bodies redacted if so configured), in recording order. An implementation need not be thread-safe, but it
 * should not block for long: while it does, the recorder's buffer fills and new events are dropped and counted.
 * {@link #close()} is called once, after the last {@code accept}.
 */
public interface InspectionSink extends AutoCloseable {

    void accept(TranslationEvent event);

    /** Releases files and sockets; the default does nothing. Failures are logged by the recorder, not thrown on. */
    @Override
    default void close() throws Exception {
    }
}
