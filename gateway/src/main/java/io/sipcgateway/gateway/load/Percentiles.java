package io.sipcgateway.gateway.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Fills {@code out} with {@code count}, {@code p50Ms}, {@code p99Ms}, {@code p999Ms}, {@code maxMs}. */
    ObjectNode json(ObjectNode out) {
        return out.put("count", count).put("p50Ms", p50).put("p99Ms", p99).put("p999Ms", p999).put("maxMs", max);
    }
}
