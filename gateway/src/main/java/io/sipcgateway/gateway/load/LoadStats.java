package io.sipcgateway.gateway.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The counters and latency recorders of one run, written from any thread. Latencies are in microseconds, up to one
 * minute, 3 significant digits. Each recorder is read as an interval (for the progress line) and accumulated into a
 * total (for the report), so both come from the same samples.
 */
final class LoadStats {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    final AtomicInteger signedIn = new AtomicInteger();
    final AtomicInteger loginsDone = new AtomicInteger();
    final LongAdder sent = new LongAdder();
    final LongAdder answeredOk = new LongAdder();
    /** Answered 2xx between the end of the warm-up and the end of the duration (the steady rate's count). */
    final LongAdder answeredInWindow = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final AtomicInteger inFlight = new AtomicInteger();
    /** Sent to, and answered 2xx by, the standard SIP user ({@link LoadConfig#sipPeer()}). */
    final LongAdder peerSent = new LongAdder();
    final LongAdder peerAnsweredOk = new LongAdder();
    /** Messages that reached a session from anyone but another load session (standard SIP users on the core). */
    final LongAdder fromOthers = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Series login = new Series();
    final Series answer = new Series();
    final Series delivery = new Series();

    void error(String what) {
        errors.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Errors by kind and status, sorted by name. */
    Map<String, Long> errors() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** One latency series: an interval recorder, plus the total of the intervals taken so far. */
    static final class Series {
        private final Recorder recorder = new Recorder(MAX_MICROS, 3);
        private final Histogram total = new Histogram(MAX_MICROS, 3);

        void recordNanos(long nanos) {
            recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
        }

        /** The samples since the last call, also added to the total. */
        synchronized Histogram interval() {
            Histogram interval = recorder.getIntervalHistogram();
            total.add(interval);
            return interval;
        }

        /** Everything recorded, including what no interval has taken yet. */
        synchronized Histogram total() {
            interval();
            return total.copy();
        }
    }
}
