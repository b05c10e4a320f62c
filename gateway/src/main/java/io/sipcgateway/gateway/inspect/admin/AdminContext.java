package io.sipcgateway.gateway.inspect.admin;

import io.netty.channel.Channel;
import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every admin connection shares: the inspector, metrics, health, the page's files, the limits, and the open
 * {@code /events} streams with their drop counter. Thread-safe; handlers call it from the admin event loop, the
 * inspector calls the streams from its recorder thread.
 */
final class AdminContext {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final Inspector inspector;
    private final GatewayMetrics metrics;
    private final Supplier<HealthReport> health;
    private final AdminLimits limits;
    private final StaticAssets assets = StaticAssets.load();
    private final Set<SseSubscriber> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong droppedStreamEvents = new AtomicLong();
    private volatile Set<String> allowedHosts = Set.of(); // empty: any

    AdminContext(Inspector inspector, GatewayMetrics metrics, Supplier<HealthReport> health, AdminLimits limits) {
        this.inspector = inspector;
        this.metrics = metrics;
        this.health = health;
        this.limits = limits;
    }

    /** Once bound: on a loopback address only loopback names (and the bound one) may appear in {@code Host}. */
    void bound(InetAddress address, String host) {
        if (address.isLoopbackAddress()) {
            allowedHosts = Set.copyOf(union(LOOPBACK_NAMES, host.toLowerCase(Locale.ROOT)));
        }
    }

    boolean hostAllowed(String hostHeader) {
        Set<String> allowed = allowedHosts;
        return hostHeader == null || allowed.isEmpty() || allowed.contains(hostName(hostHeader));
    }

    AdminLimits limits() {
        return limits;
    }

    StaticAssets assets() {
        return assets;
    }

    int clamp(int count) {
        return Math.max(0, Math.min(count, limits.maxBacklog()));
    }

    /** The newest {@code limit} past events matching {@code filter} with an id above {@code after}, oldest first. */
    List<TranslationEvent> recent(EventFilter filter, long after, int limit) {
        List<TranslationEvent> matching = recentForStream().stream().filter(e -> e.id() > after)
                .filter(filter::matches).sorted(Comparator.comparingLong(TranslationEvent::id)).toList();
        return matching.subList(Math.max(0, matching.size() - limit), matching.size());
    }

    /** What a stream's backlog is picked from: as many past events as any request may ask for. */
    List<TranslationEvent> recentForStream() {
        return inspector.recent(limits.maxBacklog());
    }

    /** A new stream on {@code channel}, subscribed until the channel closes. */
    SseSubscriber openStream(Channel channel, EventFilter filter) {
        SseSubscriber subscriber = new SseSubscriber(channel, filter, limits, droppedStreamEvents);
        streams.add(subscriber);
        inspector.subscribe(subscriber);
        channel.closeFuture().addListener(f -> {
            inspector.unsubscribe(subscriber);
            streams.remove(subscriber);
        });
        return subscriber;
    }

    void closeStreams() {
        streams.forEach(SseSubscriber::close);
    }

    int openStreams() {
        return streams.size();
    }

    long droppedStreamEvents() {
        return droppedStreamEvents.get();
    }

    HealthReport health() {
        return health.get();
    }

    /** The gateway's metrics, then the listener's own, in the same Prometheus text format. */
    String scrape() {
        String gateway = metrics.scrape();
        StringBuilder out = new StringBuilder(gateway);
        if (!gateway.isEmpty() && !gateway.endsWith("\n")) {
            out.append('\n');
        }
        out.append("# HELP sipc_gateway_admin_stream_dropped_events_total Live events not sent to a slow /events "
                + "reader.\n# TYPE sipc_gateway_admin_stream_dropped_events_total counter\n")
                .append("sipc_gateway_admin_stream_dropped_events_total ").append(droppedStreamEvents()).append('\n')
                .append("# HELP sipc_gateway_admin_streams Open /events streams.\n")
                .append("# TYPE sipc_gateway_admin_streams gauge\n")
                .append("sipc_gateway_admin_streams ").append(openStreams()).append('\n');
        return out.toString();
    }

    /** The host part of a {@code Host} header: {@code [::1]:8081} → {@code ::1}, {@code Local:80} → {@code local}. */
    private static String hostName(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    private static Set<String> union(Set<String> names, String more) {
        Set<String> all = new HashSet<>(names);
        all.add(more);
        return all;
    }
}
