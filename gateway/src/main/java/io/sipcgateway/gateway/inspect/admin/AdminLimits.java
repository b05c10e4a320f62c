package io.sipcgateway.gateway.inspect.admin;

/**
 * Every limit of the admin listener in one place. The listener serves a page and read-only data, so requests are
 * tiny; what needs bounding is what a slow reader of {@code /events} can make the gateway hold.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>default</th><th>over it</th></tr>
 *   <tr><td>{@code maxInitialLineLength}</td><td>4096</td><td>414, then close</td></tr>
 *   <tr><td>{@code maxHeaderSize}</td><td>8192</td><td>431, then close</td></tr>
 *   <tr><td>{@code maxContentLength}</td><td>1024</td><td>413, then close (no route takes a body)</td></tr>
 *   <tr><td>{@code backlog}</td><td>100</td><td>{@code /events} starts with at most this many past pairs</td></tr>
 *   <tr><td>{@code maxBacklog}</td><td>1000</td><td>{@code ?limit=}/{@code ?backlog=} above it are clamped</td></tr>
 *   <tr><td>{@code clientQueue}</td><td>256</td><td>live events for that SSE client are dropped and counted</td></tr>
 *   <tr><td>{@code maxClientDrops}</td><td>1024</td><td>that SSE client is closed: it is too far behind</td></tr>
 *   <tr><td>{@code writeBufferHighWater}</td><td>64 KiB</td><td>the socket is "not writable"; the queue fills</td></tr>
 *   <tr><td>{@code heartbeatSeconds}</td><td>15</td><td>(interval) an SSE comment, so dead peers are noticed</td></tr>
 * </table>
 */
public record AdminLimits(int maxInitialLineLength, int maxHeaderSize, int maxContentLength, int backlog,
        int maxBacklog, int clientQueue, int maxClientDrops, int writeBufferHighWater, int heartbeatSeconds) {
    public static final AdminLimits DEFAULT = new AdminLimits(4096, 8192, 1024, 100, 1000, 256, 1024, 64 * 1024, 15);

    public AdminLimits {
        positive(maxInitialLineLength, "maxInitialLineLength");
        positive(maxHeaderSize, "maxHeaderSize");
        positive(maxContentLength, "maxContentLength");
        positive(maxBacklog, "maxBacklog");
        positive(clientQueue, "clientQueue");
        positive(maxClientDrops, "maxClientDrops");
        positive(writeBufferHighWater, "writeBufferHighWater");
        positive(heartbeatSeconds, "heartbeatSeconds");
        if (backlog < 0 || backlog > maxBacklog) {
            throw new IllegalArgumentException("backlog must be in 0.." + maxBacklog + ": " + backlog);
        }
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
