package io.sipcgateway.gateway.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, from a histogram in microseconds.
 *
 * @param count how many samples
 */
public record Percentiles(long count, double p50, double p99, double p999, double max) {
    static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    String text() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f p99=%.2f p99.9=%.2f max=%.2f ms", count, p50, p99, p999, max);
    }

    String json() {
        return String.format(Locale.ROOT,
                "{\"count\":%d,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"maxMs\":%.3f}",
                count, p50, p99, p999, max);
    }
}
