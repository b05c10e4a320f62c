package io.sipcgateway.gateway.inspect;

import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one recorder of translation pairs. I/O threads call {@link #record}, which never waits: the event (or the
 * exchange it will be built from, {@link TranslationRecorder}) goes into a bounded buffer
 * ({@link InspectorConfig#bufferSize()}) or, when that is full, is dropped and counted. One daemon thread
 * ({@code sipc-inspector-N}) takes them in order, builds and masks each event ({@link Masking}), keeps the last
 * {@link InspectorConfig#recentSize()} for {@link #recent(int)}, and hands it to every sink, then to every live
 * subscriber. Sinks buffer their writes; the recorder flushes them ({@link InspectionSink#flush()}) whenever the buffer
 * is empty, and at least every {@value #FLUSH_EVERY} events or {@value #FLUSH_MILLIS} ms under sustained load. A sink
 * that throws is logged and kept; a live subscriber that throws is unsubscribed. {@link #close()} drains what is
 * buffered for at most {@link #CLOSE_TIMEOUT}, then flushes and closes the sinks and ends the thread.
 */
public final class Inspector implements AutoCloseable {
    /** How long {@link #close()} lets the recorder drain the buffer before it interrupts it. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(Inspector.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long POLL_MILLIS = 100;
    /** Events between two flushes at most, under sustained load (a flush is one write syscall per file sink). */
    static final int FLUSH_EVERY = 256;
    /** Milliseconds between two flushes at most, under sustained load, so that {@code tail -f} stays live. */
    static final long FLUSH_MILLIS = 5;

    private final InspectorConfig config;
    private final List<InspectionSink> sinks;
    private final GatewayMetrics metrics;
    private final BlockingQueue<PendingEvent> buffer;
    private final List<InspectionSink> live = new CopyOnWriteArrayList<>();
    private final ArrayDeque<TranslationEvent> ring;
    private final AtomicLong dropped = new AtomicLong();
    /** Failures per sink, by index in {@link #sinks}; touched by the recorder thread only. */
    private final long[] failures;
    private final Thread thread;
    private volatile boolean closed;
    /** Events handed to the sinks since their last flush, and when the first of them was; recorder thread only. */
    private int unflushed;
    private long firstUnflushedNanos;

    private Inspector(InspectorConfig config, List<InspectionSink> sinks, GatewayMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.sinks = List.copyOf(sinks);
        this.failures = new long[this.sinks.size()];
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.buffer = new ArrayBlockingQueue<>(config.bufferSize());
        this.ring = new ArrayDeque<>(Math.min(config.recentSize(), 1024));
        this.thread = new Thread(this::run, "sipc-inspector-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /** Starts the recorder thread. The sinks belong to the inspector from now on; it closes them. */
    public static Inspector create(InspectorConfig config, List<InspectionSink> sinks, GatewayMetrics metrics) {
        Inspector inspector = new Inspector(config, sinks, metrics);
        inspector.thread.start();
        return inspector;
    }

    /**
     * Records one event built in full by the caller, without blocking; counts it in the metrics whatever happens to
     * it. The gateway's own call sites go through {@link TranslationRecorder}, which defers the building.
     *
     * @return false if the buffer was full or the inspector is closed: the event was dropped and counted
     */
    public boolean record(TranslationEvent event) {
        Objects.requireNonNull(event, "event");
        metrics.onTranslation(event);
        return offer(new PendingEvent.Ready(event));
    }

    /**
     * Records an exchange to be built on the recorder thread. Its {@link TranslationRecorder} has counted it in the
     * metrics already, from its typed fields; a drop is counted here.
     */
    boolean record(PendingExchange pending) {
        return offer(pending);
    }

    /** The metrics this inspector counts drops and sink failures in; its recorders count the exchanges there. */
    GatewayMetrics metrics() {
        return metrics;
    }

    private boolean offer(PendingEvent pending) {
        if (!closed && buffer.offer(pending)) {
            return true;
        }
        dropped.incrementAndGet();
        metrics.inspectionDropped();
        return false;
    }

    /**
     * Waits until every event recorded before this call has been handed to the sinks and the sinks flushed: a
     * benchmark measures the recorder's sustained cost with it, and a tool can call it before reading a sink's file.
     * It waits for room in the buffer if it is full. Must not be called from a sink (the recorder thread).
     *
     * @return false if that did not happen within {@code timeout}, or the inspector is closed
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("awaitIdle called on the recorder thread");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        PendingEvent.Barrier barrier = new PendingEvent.Barrier(new CountDownLatch(1));
        if (closed || !buffer.offer(barrier, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        return barrier.reached().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Adds a live listener (the web view, an SSE stream). It receives every event recorded from now on, on the recorder
     * thread, after the sinks; it must hand the event off without blocking. To paint a page without a gap, subscribe
     * first, then call {@link #recent(int)} and skip events whose {@link TranslationEvent#id()} was already shown.
     */
    public void subscribe(InspectionSink listener) {
        live.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a live listener; it is not closed (its owner closes it). Unknown listeners are ignored. */
    public void unsubscribe(InspectionSink listener) {
        live.remove(listener);
    }

    /** Events dropped so far because the buffer was full (or the inspector closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Events waiting for the recorder thread. */
    public int buffered() {
        return buffer.size();
    }

    /** The last {@code max} events handed to the sinks (masked), oldest first; at most the configured ring size. */
    public List<TranslationEvent> recent(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        synchronized (ring) {
            int skip = Math.max(0, ring.size() - max);
            List<TranslationEvent> last = new ArrayList<>(ring.size() - skip);
            for (TranslationEvent event : ring) {
                if (skip-- <= 0) {
                    last.add(event);
                }
            }
            return List.copyOf(last);
        }
    }

    /** Stops accepting events, drains the buffer (bounded by {@link #CLOSE_TIMEOUT}), closes the sinks. */
    @Override
    public void close() {
        closed = true;
        if (Thread.currentThread() == thread) {
            // Called from a sink: the loop sees the flag, drains and closes the sinks itself.
            return;
        }
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() + POLL_MILLIS * 2);
            if (thread.isAlive()) {
                LOG.warn("inspection sinks still busy after {}; interrupting the recorder", CLOSE_TIMEOUT);
                thread.interrupt();
                thread.join(CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("inspection recorder thread {} did not stop; a sink ignores interrupts", thread.getName());
        }
    }

    private void run() {
        try {
            boolean draining = false;
            long deadline = 0;
            while (true) {
                if (closed && !draining) {
                    draining = true;
                    deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
                }
                PendingEvent next = buffer.poll();
                if (next == null) {
                    // Nothing waits: write out what the sinks buffered before sleeping, so that a quiet gateway's
                    // files are complete at once.
                    flush();
                    if (closed) {
                        break;
                    }
                    next = buffer.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (next != null) {
                    handle(next);
                }
                if (draining && System.nanoTime() - deadline > 0) {
                    LOG.warn("inspection recorder closed with {} events undelivered", buffer.size());
                    break;
                }
            }
        } catch (InterruptedException e) {
            LOG.warn("inspection recorder interrupted with {} events undelivered", buffer.size());
        } finally {
            flush();
            closeSinks();
        }
    }

    private void handle(PendingEvent next) {
        if (next instanceof PendingEvent.Barrier barrier) {
            flush();
            barrier.reached().countDown();
            return;
        }
        TranslationEvent event;
        try {
            event = next instanceof PendingExchange exchange ? exchange.toEvent() : ((PendingEvent.Ready) next).event();
        } catch (RuntimeException e) {
            LOG.error("building an inspection event failed; dropped", e);
            return;
        }
        dispatch(event);
        if (unflushed++ == 0) {
            firstUnflushedNanos = System.nanoTime();
        }
        if (unflushed >= FLUSH_EVERY || System.nanoTime() - firstUnflushedNanos > FLUSH_MILLIS * 1_000_000) {
            flush();
        }
    }

    private void dispatch(TranslationEvent event) {
        TranslationEvent shown;
        try {
            shown = Masking.apply(event, config.redactBodies());
        } catch (RuntimeException e) {
            // Never hand an unmasked event to a sink: drop it.
            LOG.error("masking failed for inspection event {}; dropped", event.id(), e);
            return;
        }
        remember(shown);
        for (int i = 0; i < sinks.size(); i++) {
            InspectionSink sink = sinks.get(i);
            try {
                sink.accept(shown);
            } catch (RuntimeException e) {
                failed(i, "event " + shown.id(), e);
            }
        }
        for (InspectionSink listener : live) {
            try {
                listener.accept(shown);
            } catch (RuntimeException e) {
                live.remove(listener);
                LOG.info("live inspection listener {} failed and was unsubscribed: {}", listener, e.toString());
            }
        }
    }

    private void failed(int sink, String what, RuntimeException e) {
        metrics.inspectionSinkFailed();
        if (failures[sink]++ == 0) {
            LOG.warn("inspection sink {} failed on {} (further failures at debug level)", sinks.get(sink), what, e);
        } else {
            LOG.debug("inspection sink {} failed on {} ({} failures)", sinks.get(sink), what, failures[sink], e);
        }
    }

    private void remember(TranslationEvent event) {
        if (config.recentSize() == 0) {
            return;
        }
        synchronized (ring) {
            if (ring.size() == config.recentSize()) {
                ring.removeFirst();
            }
            ring.addLast(event);
        }
    }

    private void flush() {
        if (unflushed == 0) {
            return;
        }
        unflushed = 0;
        for (int i = 0; i < sinks.size(); i++) {
            try {
                sinks.get(i).flush();
            } catch (RuntimeException e) {
                failed(i, "flush", e);
            }
        }
    }

    private void closeSinks() {
        for (InspectionSink sink : sinks) {
            try {
                sink.close();
            } catch (Exception e) {
                LOG.warn("closing inspection sink {} failed", sink, e);
            }
        }
    }
}
