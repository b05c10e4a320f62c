package io.sipcgateway.gateway.inspect;

/**
 * Limits of the {@link Inspector}.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>name</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>{@code bufferSize}</td><td>{@value #DEFAULT_BUFFER_SIZE}</td>
 *       <td>{@link Inspector#record} returns false and the event is counted in {@link Inspector#dropped()}</td></tr>
 *   <tr><td>{@code recentSize}</td><td>{@value #DEFAULT_RECENT_SIZE}</td>
 *       <td>the oldest event leaves {@link Inspector#recent(int)}'s ring</td></tr>
 * </table>
 *
 * @param bufferSize events waiting for the recorder thread, at most
 * @param recentSize events kept for the web page's first paint
 * @param redactBodies replace every message body by {@code [redacted N bytes]} in every sink
 *     ({@code --inspect-redact-bodies})
 */
public record InspectorConfig(int bufferSize, int recentSize, boolean redactBodies) {
    /**
     * About 130 ms of events at the gateway's saturated rate (two per relayed message, BENCHMARKS.md). A buffer of
     * 8,192 held up to 8,192 exchanges with their jain-sip messages whenever the recorder fell behind, and copying
     * them at every young collection cost more than the sinks: with all sinks on, the relay carried 61% of its rate
     * without inspection; with 1,024, 80-87%.
     */
    public static final int DEFAULT_BUFFER_SIZE = 1024;
    public static final int DEFAULT_RECENT_SIZE = 200;
    public static final InspectorConfig DEFAULT =
            new InspectorConfig(DEFAULT_BUFFER_SIZE, DEFAULT_RECENT_SIZE, false);

    public InspectorConfig {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be positive: " + bufferSize);
        }
        if (recentSize < 0) {
            throw new IllegalArgumentException("recentSize must not be negative: " + recentSize);
        }
    }

    public InspectorConfig withRedactBodies(boolean redact) {
        return new InspectorConfig(bufferSize, recentSize, redact);
    }
}
